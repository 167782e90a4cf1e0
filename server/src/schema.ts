// The one pg-core schema: every table of the platform and the modules, for drizzle-kit.
export * from './platform/schema';
export * from './modules/registry/schema';
export * from './modules/employment/schema';
export * from './modules/plan/schema';
export * from './modules/insurance/schema';
