// Where business modules plug into the shell: each exports its route table (paths under '/',
// lazy pages, permission-guarded) and its menu group(s). The shell (app/routes.tsx, app/menu.tsx)
// reads this list; a module never edits the shell.
import type { RouteObject } from 'react-router';
import type { MenuGroup } from '../app/menu';
import { planShell } from './plan';
import { employmentShell } from './employment';
import { insuranceShell } from './insurance';

/** `publicRoutes` render outside the signed-in console (the public portal, mobile-friendly). */
export type ModuleShell = { name: string; routes: RouteObject[]; menu: MenuGroup[]; publicRoutes?: RouteObject[] };

export const moduleShells: ModuleShell[] = [planShell, employmentShell, insuranceShell];
