-- Reward money for every year of the plan (issue 14, item 6). 0010 gave coefficients only from 2024-01-01, so a
-- decision of 2021–2023 carried no amount, and no period had one for a collective's Giấy khen. This adds the
-- coefficients of Nghị định 91/2017/NĐ-CP (in force 2017-10-01 until the 2022 law and Nghị định 98/2023 took over
-- on 2024-01-01) and the collective's Giấy khen in every period; the base salaries of Nghị định 38/2019, 24/2023
-- and 73/2024 are 0010's rows and stay as they are.
--
-- How far each row is verified, in its own column (LAW.md's [V]/[P]/[U]). What was checked: no text of the
-- decree itself could be read here; secondary sources quoting it were. So a figure found quoted with its article
-- is 'partly' and names the article, one not found is 'unverified' and says what it assumes. Sources:
--   · Điều 73 khoản 1 điểm d (Giấy khen of a commune chairman, individual, 0.15) and khoản 2 điểm b (a
--     collective's Giấy khen of every level, twice the individual's): quoted on thuvienphapluat.vn
--     (hoi-dap-phap-luat 5153C, 5153D). The same page gives khoản 2 Điều 68 (rounded up to tens of thousands of
--     đồng), which the amount does not yet apply: the amount stays round(coefficient × base salary) as 0010's
--     CHECK requires.
--   · Lao động tiên tiến 0.3, Chiến sĩ thi đua cơ sở 1.0, Chiến sĩ thi đua cấp tỉnh 3.0 under Nghị định 91/2017:
--     thuvienphapluat.vn (chinh-sach-phap-luat-moi 30097), toquoc.vn (2018); the article was not given.
--   · Tập thể lao động tiên tiến 0.8, Tập thể lao động xuất sắc 1.5 in force on 2023-07-01, under the old law:
--     the table of Sở Nội vụ Nam Định for Nghị định 24/2023; the article was not given.
--   · The district chairman's Giấy khen (điểm c, the level above the commune's 0.15) was NOT found. 0.3 is
--     entered as the figure remembered from the decree, unverified: the commune's own point being 0.15, the
--     district's is not that one. Households and Thôn văn hóa under the old law were not found either.
--
-- Rows are law, as 0010's are: inserted with the audit trigger and the forcing of row-level security lifted for
-- the statement (as 0011 does for commendation_forms), so a fresh database's trail stays empty.
--
-- A decision item now stores, besides its coefficient and base salary, the basis and verification of each as
-- they stood when it was added (decision_items_reward below), so a later correction of the tables neither
-- changes what a decision said nor hides what it rested on. Items added before 0022 keep their figures and have
-- no recorded basis (a signed decision never changes, 0010).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

ALTER TABLE reward_coefficients DISABLE TRIGGER audit, NO FORCE ROW LEVEL SECURITY;

-- Nghị định 91/2017/NĐ-CP, 2017-10-01 to 2024-01-01.
INSERT INTO reward_coefficients (form_code, nominee_kind, coefficient, valid_from, valid_to, legal_basis, verification)
SELECT form_code, nominee_kind, coefficient, '2017-10-01', '2024-01-01', basis, verification
FROM (VALUES
    ('lao-dong-tien-tien', 'individual', 0.3,
     'Nghị định 91/2017/NĐ-CP (tiền thưởng danh hiệu thi đua; nguồn thứ cấp, chưa đối chiếu văn bản gốc, chưa rõ số điều)', 'partly'),
    ('chien-si-thi-dua-co-so', 'individual', 1.0,
     'Nghị định 91/2017/NĐ-CP (tiền thưởng danh hiệu thi đua; nguồn thứ cấp, chưa đối chiếu văn bản gốc, chưa rõ số điều)', 'partly'),
    ('chien-si-thi-dua-cap-tinh', 'individual', 3.0,
     'Nghị định 91/2017/NĐ-CP (tiền thưởng danh hiệu thi đua; nguồn thứ cấp, chưa đối chiếu văn bản gốc, chưa rõ số điều)', 'partly'),
    ('tap-the-lao-dong-tien-tien', 'collective', 0.8,
     'Nghị định 91/2017/NĐ-CP (tiền thưởng danh hiệu thi đua tập thể; nguồn thứ cấp, chưa đối chiếu văn bản gốc, chưa rõ số điều)', 'partly'),
    ('tap-the-lao-dong-xuat-sac', 'collective', 1.5,
     'Nghị định 91/2017/NĐ-CP (tiền thưởng danh hiệu thi đua tập thể; nguồn thứ cấp, chưa đối chiếu văn bản gốc, chưa rõ số điều)', 'partly'),
    ('giay-khen-chu-tich-xa', 'individual', 0.15,
     'Nghị định 91/2017/NĐ-CP, điều 73 khoản 1 điểm d (nguồn thứ cấp trích dẫn, chưa đối chiếu văn bản gốc)', 'partly'),
    ('giay-khen-chu-tich-xa', 'collective', 0.3,
     'Nghị định 91/2017/NĐ-CP, điều 73 khoản 2 điểm b: tập thể gấp hai lần cá nhân (nguồn thứ cấp trích dẫn, chưa đối chiếu văn bản gốc)', 'partly'),
    ('giay-khen-chu-tich-xa', 'household', 0.225,
     'Nghị định 91/2017/NĐ-CP: hộ gia đình giả định 1,5 lần cá nhân như Nghị định 152/2025, chưa kiểm chứng', 'unverified'),
    ('giay-khen-chu-tich-huyen', 'individual', 0.3,
     'Nghị định 91/2017/NĐ-CP, điều 73 khoản 1 điểm c: mức 0,3 chưa kiểm chứng (điểm d, cấp xã, là 0,15)', 'unverified'),
    ('giay-khen-chu-tich-huyen', 'collective', 0.6,
     'Nghị định 91/2017/NĐ-CP, điều 73 khoản 2 điểm b: tập thể gấp hai lần cá nhân (nguồn thứ cấp); mức cá nhân 0,3 chưa kiểm chứng', 'unverified'),
    ('giay-khen-chu-tich-huyen', 'household', 0.45,
     'Nghị định 91/2017/NĐ-CP: hộ gia đình giả định 1,5 lần cá nhân như Nghị định 152/2025, chưa kiểm chứng', 'unverified'),
    ('thon-to-dan-pho-van-hoa', 'locality', 1.5,
     'Nghị định 122/2018/NĐ-CP (Thôn, tổ dân phố văn hóa): giả định 1,5 lần như Nghị định 98/2023, chưa kiểm chứng', 'unverified')
) AS law(form_code, nominee_kind, coefficient, basis, verification);

-- A collective's Giấy khen after 2024-01-01, which 0010 left out: twice the individual's, as under Nghị định
-- 91/2017; that the later decrees keep the rule is assumed.
INSERT INTO reward_coefficients (form_code, nominee_kind, coefficient, valid_from, valid_to, legal_basis, verification) VALUES
    ('giay-khen-chu-tich-huyen', 'collective', 0.6, '2024-01-01', '2025-07-01',
     'Nghị định 98/2023/NĐ-CP: tập thể giả định gấp hai lần cá nhân như Nghị định 91/2017, chưa kiểm chứng', 'unverified'),
    ('giay-khen-chu-tich-xa', 'collective', 0.6, '2024-01-01', '2025-07-01',
     'Nghị định 98/2023/NĐ-CP: tập thể giả định gấp hai lần cá nhân như Nghị định 91/2017, chưa kiểm chứng', 'unverified'),
    ('giay-khen-chu-tich-xa', 'collective', 0.6, '2025-07-01', NULL,
     'Nghị định 152/2025/NĐ-CP: tập thể giả định gấp hai lần cá nhân như Nghị định 91/2017, chưa kiểm chứng', 'unverified');

ALTER TABLE reward_coefficients ENABLE TRIGGER audit, FORCE ROW LEVEL SECURITY;

-- What an item's money rested on, copied from the rows in force on the decision's date.
ALTER TABLE decision_items
    ADD COLUMN coefficient_basis text CHECK (coefficient_basis IS NFC NORMALIZED AND btrim(coefficient_basis) <> ''),
    ADD COLUMN coefficient_verification text CHECK (coefficient_verification IN ('verified', 'partly', 'unverified')),
    ADD COLUMN base_salary_basis text CHECK (base_salary_basis IS NFC NORMALIZED AND btrim(base_salary_basis) <> ''),
    ADD COLUMN base_salary_verification text CHECK (base_salary_verification IN ('verified', 'partly', 'unverified')),
    -- All four or none, and only beside a figure; a figure without them is an item of before 0022.
    ADD CONSTRAINT decision_items_reward_basis CHECK (
        (coefficient_basis IS NULL) = (coefficient_verification IS NULL)
        AND (coefficient_basis IS NULL) = (base_salary_basis IS NULL)
        AND (coefficient_basis IS NULL) = (base_salary_verification IS NULL)
        AND (coefficient_basis IS NULL OR coefficient IS NOT NULL));
COMMENT ON COLUMN decision_items.coefficient_basis IS
    'The legal basis of the coefficient as it stood when the item was added; NULL for an item of before 0022 or without a reward.';

-- The item's reward, from the rows in force on the decision's date: after guard_decision_item (triggers of one
-- event fire by name), which has checked the item and filled the nominee's kind. It computes the figures again
-- rather than trusting the guard's, so the four bases and the figures come from the same two rows. A separate
-- trigger keeps the money out of the guard's state machine.
CREATE FUNCTION reward_decision_item() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    decision thidua.decisions;
    rule thidua.reward_coefficients;
    salary thidua.base_salaries;
BEGIN
    SELECT * INTO decision FROM thidua.decisions d WHERE d.id = NEW.decision_id;
    NEW.coefficient := NULL;
    NEW.base_salary := NULL;
    NEW.amount := NULL;
    NEW.coefficient_basis := NULL;
    NEW.coefficient_verification := NULL;
    NEW.base_salary_basis := NULL;
    NEW.base_salary_verification := NULL;
    -- A proposal's reward is the higher level's to set; a revocation has no items.
    IF decision.kind IS DISTINCT FROM 'commendation' THEN
        RETURN NEW;
    END IF;
    rule := thidua.reward_coefficient_on(NEW.form_code, NEW.nominee_kind, decision.decided_on);
    IF rule.id IS NULL THEN
        RETURN NEW;
    END IF;
    salary := thidua.base_salary_on(decision.decided_on);
    IF salary.id IS NULL THEN
        RAISE EXCEPTION 'no base salary in force on %', decision.decided_on USING ERRCODE = 'TD034';
    END IF;
    NEW.coefficient := rule.coefficient;
    NEW.base_salary := salary.amount;
    NEW.amount := round(rule.coefficient * salary.amount);
    NEW.coefficient_basis := rule.legal_basis;
    NEW.coefficient_verification := rule.verification;
    NEW.base_salary_basis := salary.legal_basis;
    NEW.base_salary_verification := salary.verification;
    RETURN NEW;
END
$$;
CREATE TRIGGER decision_items_reward BEFORE INSERT ON decision_items
    FOR EACH ROW EXECUTE FUNCTION reward_decision_item();
