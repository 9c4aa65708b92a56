-- Roles and databases for the Docker Compose set-up; scripts/services.sh creates the same natively.
CREATE ROLE kasian LOGIN CREATEDB PASSWORD 'kasian-dev';
CREATE DATABASE kasian OWNER kasian;
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak-dev';
CREATE DATABASE keycloak OWNER keycloak;
