-- Roles and databases for the Docker Compose set-up; scripts/services.sh creates the same natively.
-- kasian_owner owns the database and runs the migrations; the application's role kasian owns nothing
-- and gets its privileges through the group kasian_app, which the migrations grant to (ADR 0015).
CREATE ROLE kasian_owner LOGIN CREATEDB PASSWORD 'kasian-owner-dev';
CREATE ROLE kasian_app NOLOGIN;
CREATE ROLE kasian LOGIN PASSWORD 'kasian-dev' IN ROLE kasian_app;
CREATE DATABASE kasian OWNER kasian_owner;
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak-dev';
CREATE DATABASE keycloak OWNER keycloak;
