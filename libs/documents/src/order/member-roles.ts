import type { Order } from './order';

/** The roles of 002 (ประธานคณะทำงาน, คณะทำงาน, เลขานุการ) and the two common elsewhere (domain.md §4.1). */
export const ORDER_MEMBER_ROLES: readonly string[] = ['ประธานคณะทำงาน', 'รองประธานคณะทำงาน', 'คณะทำงาน', 'เลขานุการ', 'ผู้ช่วยเลขานุการ'];

export class UnknownMemberRoleError extends Error {
  constructor(
    readonly role: string,
    readonly roles: readonly string[],
  ) {
    super(`Member role ${JSON.stringify(role)} is not one of the configured roles: ${roles.join(', ')}.`);
  }
}

/** Every member's role must be one of `roles`; the list is the office's to configure. */
export function assertMemberRoles(order: Order, roles: readonly string[] = ORDER_MEMBER_ROLES): void {
  const unknown = (order.members ?? []).find((member) => !roles.includes(member.role));
  if (unknown) throw new UnknownMemberRoleError(unknown.role, roles);
}
