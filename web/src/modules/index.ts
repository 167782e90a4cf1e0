// Where business modules plug into the shell: each exports its route table (paths under '/',
// lazy pages, permission-guarded) and its menu group(s). The shell (app/routes.tsx, app/menu.tsx)
// reads this list; a module never edits the shell.
import type { RouteObject } from 'react-router';
import type { MenuGroup } from '../app/menu';
import { planShell } from './plan';
import { employmentShell } from './employment';
import { insuranceShell } from './insurance';

/** An entry of the signed-in portal for one kind of account (menu item and home-page card). */
export type PortalEntry = { key: string; kind: 'person' | 'employer'; path: string; label: { zh: string; en: string }; description: { zh: string; en: string } };

/**
 * `publicRoutes` render outside the signed-in console (the public portal, mobile-friendly, no
 * sign-in); `portalRoutes` inside the signed-in portal frame at /portal (paths under 'portal/…',
 * relative to it, e.g. 'insurance'), with `portalEntries` as its menu.
 */
export type ModuleShell = { name: string; routes: RouteObject[]; menu: MenuGroup[]; publicRoutes?: RouteObject[]; portalRoutes?: RouteObject[]; portalEntries?: PortalEntry[] };

export const moduleShells: ModuleShell[] = [planShell, employmentShell, insuranceShell];

export const portalEntries: PortalEntry[] = moduleShells.flatMap((m) => m.portalEntries ?? []);
