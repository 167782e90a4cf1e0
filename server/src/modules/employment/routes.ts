// HTTP edge of the employment module: one registration function per area.
import type { ZApp } from '../../platform/http/types';
import type { Platform } from '../../platform/kernel';
import { matchingRoutes } from './routes-matching';
import { monitoringRoutes } from './routes-monitoring';
import { portalRoutes } from './routes-portal';
import { portalAccountRoutes } from './routes-portal-accounts';
import { recordRoutes } from './routes-records';

export async function employmentRoutes(app: ZApp, platform: Platform): Promise<void> {
  await recordRoutes(app, platform);
  await matchingRoutes(app, platform);
  await monitoringRoutes(app, platform);
  await portalRoutes(app, platform);
  await portalAccountRoutes(app, platform);
}
