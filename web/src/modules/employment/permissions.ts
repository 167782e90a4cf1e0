// Permission keys of the employment module (the server is the authority; these only hide UI).
export const employmentPermissions = { read: 'employment:read', write: 'employment:write', match: 'employment:match', warning: 'employment:warning' } as const;
