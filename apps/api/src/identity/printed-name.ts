export interface NamedPerson {
  honorific: string | null;
  rank: string | null;
  givenName: string;
  surname: string;
}

/** A person's name as offices print it: a rank (ร้อยโท) replaces the honorific, which is glued to the given name (§2.5). */
export function printedName(person: NamedPerson): string {
  return `${person.rank ? `${person.rank} ` : (person.honorific ?? '')}${person.givenName} ${person.surname}`;
}
