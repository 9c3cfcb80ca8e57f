-- A movement's minimum owed by each of its lead units for its own nominations (issue 14, item 3).
--
-- Kế hoạch 123/KH-UBND, IV.1.2 a), second dash, last item: "Các phong trào thi đua của lực lượng vũ trang: Công an
-- huyện, Ban Chỉ huy Quân sự huyện chủ trì … mỗi lực lượng giới thiệu tối thiểu 01 đến 03 mô hình, gương điển hình
-- tiêu biểu" (PLAN.md §3 row 10). One row of round_movement_minimums (0002) spoke for the movement as a whole, so
-- one force's three models hid the other force's none. Now a row may say:
--   * per_lead_unit — the minimum (and maximum) holds for EACH lead unit of the movement (movement_lead_units,
--     part 'lead'), counting the nominations that lead unit itself submitted in the movement. The compliance table
--     and the review summaries show one line per lead unit;
--   * maximum — the most the plan asks for ("đến 03"). It is a compliance figure, reported as an excess, not a
--     refusal: the plan writes it in the same breath as "tối thiểu", as the size of what each force introduces. The
--     hard limit at submission stays the per-unit maximum of round_unit_limits (keep_quota_ledger, 0003).
-- NULL maximum: no upper figure (every other movement of the plan says only "tối thiểu").
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

ALTER TABLE round_movement_minimums
    ADD COLUMN per_lead_unit boolean NOT NULL DEFAULT false,
    ADD COLUMN maximum integer CHECK (maximum >= minimum);

COMMENT ON COLUMN round_movement_minimums.per_lead_unit IS
    'The minimum and maximum hold for each lead unit of the movement, over its own nominations (KH 123 IV.1.2 a: "mỗi lực lượng").';
COMMENT ON COLUMN round_movement_minimums.maximum IS
    'The most the plan asks for, reported as an excess in the compliance table; NULL when the plan gives only a minimum.';
