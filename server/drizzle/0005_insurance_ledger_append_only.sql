-- The contribution ledger and benefit payments are append-only: a correction is a reversing
-- entry, never an UPDATE or DELETE (balances, contribution months, personal accounts and
-- arrears are derived from the entries, so changing one would silently change money).
CREATE OR REPLACE FUNCTION renshe_insurance_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused; post a reversing entry instead', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER insurance_ledger_no_update BEFORE UPDATE OR DELETE ON insurance_ledger
  FOR EACH ROW EXECUTE FUNCTION renshe_insurance_append_only();
--> statement-breakpoint
CREATE TRIGGER insurance_ledger_no_truncate BEFORE TRUNCATE ON insurance_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION renshe_insurance_append_only();
--> statement-breakpoint
CREATE TRIGGER insurance_benefit_payments_no_update BEFORE UPDATE OR DELETE ON insurance_benefit_payments
  FOR EACH ROW EXECUTE FUNCTION renshe_insurance_append_only();
--> statement-breakpoint
CREATE TRIGGER insurance_benefit_payments_no_truncate BEFORE TRUNCATE ON insurance_benefit_payments
  FOR EACH STATEMENT EXECUTE FUNCTION renshe_insurance_append_only();
