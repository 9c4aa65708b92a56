/** Kasian's realm roles, as defined in deploy/keycloak/kasian-realm.json. */
export const Role = {
  /** เจ้าหน้าที่: drafts and submits documents, attaches evidence. */
  Staff: 'staff',
  /** ผู้บังคับบัญชา: comments, approves, returns or rejects. */
  Official: 'official',
  /** ผู้ตรวจสอบ / ITA assessor: reads trails and bundles. */
  Auditor: 'auditor',
  /** ผู้ดูแลระบบของหน่วยงาน */
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  subject: string;
  username: string | null;
  /** Office code from the token's `office` claim (null for service accounts without one). */
  officeCode: string | null;
  roles: string[];
  tokenId: string | null;
  /** The sign-in session the token belongs to (Keycloak's `sid`), when the token carries one. */
  sessionId?: string | null;
  expiresAt: Date;
}
