// The modules this server runs, in dependency order.
import type { ModuleDef } from './platform/module';
import { registryModule } from './modules/registry';

export const modules: ModuleDef[] = [registryModule];
