// The modules this server runs, in dependency order.
import type { ModuleDef } from './platform/module';
import { registryModule } from './modules/registry';
import { planModule } from './modules/plan';
import { employmentModule } from './modules/employment';
import { insuranceModule } from './modules/insurance';

export const modules: ModuleDef[] = [registryModule, employmentModule, insuranceModule, planModule];
