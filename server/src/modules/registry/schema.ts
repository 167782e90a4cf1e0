// Master data every module shares: persons and employers.
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const persons = pgTable(
  'persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** SM4 ciphertext of the resident ID (GB 11643). */
    idCipher: text('id_cipher').notNull(),
    /** HMAC-SM3 blind index of the resident ID, for exact lookup and dedupe. */
    idHash: text('id_hash').notNull(),
    /** Staff mask (first 3, last 4), kept so lists need no decryption. */
    idMasked: text('id_masked').notNull(),
    name: text('name').notNull(),
    gender: text('gender').$type<'M' | 'F'>().notNull(),
    birthDate: date('birth_date').notNull(),
    hukouType: text('hukou_type').$type<'urban' | 'rural'>().notNull(),
    /** Household (hukou) region: the scope key. */
    regionCode: text('region_code').notNull(),
    householdId: text('household_id'),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    disability: boolean('disability').notNull().default(false),
    veteran: boolean('veteran').notNull().default(false),
    zeroEmploymentHousehold: boolean('zero_employment_household').notNull().default(false),
    lowIncomeHousehold: boolean('low_income_household').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('persons_id_hash_idx').on(t.idHash),
    // (region, id): a county's newest persons without reading the rest of the province (listPersons).
    index('persons_region_id_idx').on(t.regionCode, t.id),
    index('persons_name_idx').on(t.name),
    index('persons_phone_hash_idx').on(t.phoneHash),
  ],
);

export const employers = pgTable(
  'employers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Unified social credit code (GB 32100); public information, stored in clear. */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    /** GB/T 4754-2017 section letter A–T. */
    industry: text('industry').notNull(),
    ownership: text('ownership').notNull(),
    size: text('size').$type<'large' | 'medium' | 'small' | 'micro'>().notNull(),
    regionCode: text('region_code').notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('employers_uscc_idx').on(t.uscc),
    index('employers_region_idx').on(t.regionCode),
    index('employers_name_idx').on(t.name),
  ],
);

/** History of changes to persons and employers; values of protected fields are masked. */
export const registryHistory = pgTable(
  'registry_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entity: text('entity').$type<'person' | 'employer'>().notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').$type<'create' | 'update' | 'import'>().notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [index('registry_history_entity_idx').on(t.entity, t.entityId)],
);
