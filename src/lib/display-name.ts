/** How a person is named on screen: their name, or their e-mail address when they have none. */
export const displayName = (person: { name: string | null; email: string }): string =>
  person.name ?? person.email;
