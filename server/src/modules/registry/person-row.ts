// A person as stored: the row the importer and the generator both write, and how its
// identifiers are sealed. Kept apart from the importer (which reaches the database layer) so
// the generator's worker threads load it in a moment.
import { maskMobile, maskResidentId } from '../../platform/crypto';
import type { Platform } from '../../platform/kernel';

export type PersonImportRow = {
  idCipher: string;
  idHash: string;
  idMasked: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  hukouType: 'urban' | 'rural';
  regionCode: string;
  householdId: string | null;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  disability: boolean;
  veteran: boolean;
  zeroEmploymentHousehold: boolean;
  lowIncomeHousehold: boolean;
};

export const personColumns = [
  'id_cipher', 'id_hash', 'id_masked', 'name', 'gender', 'birth_date', 'hukou_type', 'region_code', 'household_id',
  'phone_cipher', 'phone_hash', 'phone_masked', 'disability', 'veteran', 'zero_employment_household', 'low_income_household', 'created_by',
];

/**
 * The protected columns of a person: SM4 ciphertext, HMAC-SM3 blind index and staff mask of
 * the resident ID and of the mobile number. One place, shared by the importer and the
 * generator, so both store identifiers the same way.
 */
export function sealPersonIdentifiers(platform: Pick<Platform, 'crypto'>, idNumber: string, phone: string | null | undefined) {
  return {
    idCipher: platform.crypto.encrypt(idNumber),
    idHash: platform.crypto.blindIndex(idNumber),
    idMasked: maskResidentId(idNumber),
    phoneCipher: phone ? platform.crypto.encrypt(phone) : null,
    phoneHash: phone ? platform.crypto.blindIndex(phone) : null,
    phoneMasked: phone ? maskMobile(phone) : null,
  };
}

/** A person row as COPY values in `personColumns` order. */
export function personRowValues(r: PersonImportRow, createdBy: number | null): (string | boolean | number | null)[] {
  return [r.idCipher, r.idHash, r.idMasked, r.name, r.gender, r.birthDate, r.hukouType, r.regionCode, r.householdId, r.phoneCipher, r.phoneHash, r.phoneMasked, r.disability, r.veteran, r.zeroEmploymentHousehold, r.lowIncomeHousehold, createdBy];
}
