-- The Tủa Chùa catalogue: the data set a real deployment of huyện Tủa Chùa starts with (no people).
--
-- Source: Kế hoạch số 123/KH-UBND ngày 02/7/2021 của UBND huyện Tủa Chùa, as restated with correct spelling in
-- domain/PLAN.md (sections cited per block below as "PLAN §n"; the plan's own sections as "KH III.2.2.1" etc.).
--
-- How it is loaded: by a superuser, inside ONE transaction the loader opens, after it has named the installer
--   set_config('thidua.actor_id', '00000000-0000-0000-0000-000000000000', true),
--   set_config('thidua.actor_role', 'installer', true), set_config('thidua.action', 'seed.load', true).
-- So: no BEGIN/COMMIT here and no change of actor; only thidua.action is narrowed per section (SET LOCAL is
-- set_config(…, true)), so each audit event says which part of the seed wrote it. Every row goes through the
-- audit trigger (0005); a superuser session bypasses row-level security, as the installer must.
-- Rows refer to each other by code, never by uuid. Text is NFC (the tables CHECK it).
-- The file is not re-runnable: a second load fails on the unique keys instead of silently changing nothing.

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Area (PLAN, title): the tenant key of every row below.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.area';

INSERT INTO thidua.areas (id, name)
VALUES ('dien-bien/tua-chua', 'Huyện Tủa Chùa, tỉnh Điện Biên');

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Emulation clusters and blocs (cụm, khối thi đua) — PLAN §1 last paragraph.
-- The plan says units are grouped into clusters and blocs but does NOT list them: these five are a reasonable
-- grouping for the demo, to be replaced by the district's own decision on its clusters. "Khối doanh nghiệp"
-- stays empty: the plan names no enterprise (see the units section).
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.clusters';

INSERT INTO thidua.clusters (area_id, name)
VALUES ('dien-bien/tua-chua', 'Cụm thi đua các xã, thị trấn'),
       ('dien-bien/tua-chua', 'Khối các phòng, ban chuyên môn'),
       ('dien-bien/tua-chua', 'Khối Đảng, Mặt trận và các đoàn thể'),
       ('dien-bien/tua-chua', 'Khối lực lượng vũ trang'),
       ('dien-bien/tua-chua', 'Khối doanh nghiệp');

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Units — PLAN §1.
--
-- * commune: Thị trấn Tủa Chùa and the 11 communes (12 units), named "UBND thị trấn/xã …" as PLAN §1 spells them.
-- * department: every phòng, ban, đoàn thể, hội and Party body of PLAN §1 (11 units), names as PLAN §1 gives them.
--   Phòng Nội vụ is an ordinary department (it leads movement 3). It is ALSO the council's standing body
--   (Cơ quan Thường trực HĐTĐKT): that function is not a second unit but the `secretariat` ROLE granted to its
--   staff (see demo-users.sql). So no unit of kind `secretariat` exists in this data set.
-- * armed_force: Công an huyện and Ban Chỉ huy Quân sự huyện.
-- * council: Hội đồng Thi đua - Khen thưởng huyện Tủa Chùa — the home unit of the chairman and of council members
--   who are not staff of a participating unit. It submits no nominations.
-- * enterprise: none. The plan speaks of "doanh nghiệp trong cụm, khối thi đua" without naming one, and a real
--   deployment must not start with invented businesses; enterprises are added by the administrator.
--
-- Validity: valid_from 2021-01-01 is the start of the plan's data, not the units' founding dates (unknown here).
-- The district level was abolished on 1/7/2025 (LAW.md, "Two-level local government"): the district's own
-- departments, armed-force commands and council get valid_to = 2025-07-01 (the first day they no longer exist).
-- The 12 communes keep valid_to NULL: they were merged into new communes on that day too, but how they map to
-- the new ones is unverified (LAW.md [U]), so no end date and no succession is invented here. The administrator
-- records the merges (unit_successions, with their legal basis) once the mapping is confirmed.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.units';

INSERT INTO thidua.units (area_id, code, name, kind, cluster_id, valid_from, valid_to)
SELECT 'dien-bien/tua-chua', u.code, u.name, u.kind,
       (SELECT c.id FROM thidua.clusters c WHERE c.area_id = 'dien-bien/tua-chua' AND c.name = u.cluster),
       DATE '2021-01-01', u.valid_to::date
FROM (VALUES
    -- UBND xã, thị trấn (PLAN §1, 12 units)
    (1,  'tt-tua-chua',           'UBND thị trấn Tủa Chùa',       'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (2,  'xa-huoi-so',            'UBND xã Huổi Só',               'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (3,  'xa-lao-xa-phinh',       'UBND xã Lao Xả Phình',          'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (4,  'xa-muong-bang',         'UBND xã Mường Báng',            'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (5,  'xa-muong-dun',          'UBND xã Mường Đun',             'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (6,  'xa-sin-chai',           'UBND xã Sín Chải',              'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (7,  'xa-sinh-phinh',         'UBND xã Sính Phình',            'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (8,  'xa-ta-phin',            'UBND xã Tả Phìn',               'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (9,  'xa-ta-sin-thang',       'UBND xã Tả Sìn Thàng',          'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (10, 'xa-trung-thu',          'UBND xã Trung Thu',             'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (11, 'xa-tua-thang',          'UBND xã Tủa Thàng',             'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    (12, 'xa-xa-nhe',             'UBND xã Xá Nhè',                'commune', 'Cụm thi đua các xã, thị trấn', NULL),
    -- Phòng, ban chuyên môn thuộc UBND huyện (and the district's culture-and-broadcasting centre)
    (13, 'phong-noi-vu',          'Phòng Nội vụ',                  'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (14, 'phong-kinh-te-ha-tang', 'Phòng Kinh tế - Hạ tầng',       'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (15, 'phong-lao-dong-tbxh',   'Phòng Lao động - Thương binh và Xã hội', 'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (16, 'phong-nong-nghiep-ptnt', 'Phòng Nông nghiệp và Phát triển nông thôn', 'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (17, 'phong-van-hoa-thong-tin', 'Phòng Văn hóa và Thông tin',  'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (18, 'phong-giao-duc-dao-tao', 'Phòng Giáo dục và Đào tạo',    'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (19, 'phong-y-te',            'Phòng Y tế',                    'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    (20, 'trung-tam-vh-tt-th',    'Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện', 'department', 'Khối các phòng, ban chuyên môn', '2025-07-01'),
    -- Cơ quan Đảng, Mặt trận, đoàn thể, hội
    (21, 'ban-tuyen-giao',        'Ban Tuyên giáo Huyện ủy',       'department', 'Khối Đảng, Mặt trận và các đoàn thể', '2025-07-01'),
    (22, 'mttq-huyen',            'Ủy ban MTTQ Việt Nam huyện',    'department', 'Khối Đảng, Mặt trận và các đoàn thể', '2025-07-01'),
    (23, 'hoi-nong-dan',          'Hội Nông dân huyện',            'department', 'Khối Đảng, Mặt trận và các đoàn thể', '2025-07-01'),
    -- Lực lượng vũ trang
    (24, 'cong-an-huyen',         'Công an huyện',                 'armed_force', 'Khối lực lượng vũ trang', '2025-07-01'),
    (25, 'ban-chqs-huyen',        'Ban Chỉ huy Quân sự huyện',     'armed_force', 'Khối lực lượng vũ trang', '2025-07-01'),
    -- Hội đồng Thi đua - Khen thưởng huyện: in no cluster
    (26, 'hoi-dong-tdkt',         'Hội đồng Thi đua - Khen thưởng huyện Tủa Chùa', 'council', NULL, '2025-07-01')
) AS u (ord, code, name, kind, cluster, valid_to)
ORDER BY u.ord;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Movements and fields — PLAN §3 (which movements, which criteria section) and PLAN §5 (the criteria).
--
-- criteria: the checklist a nomination answers, as [{"code", "text"}], in the plan's words (KH III.2, restored
-- from the scan). Every movement carries the general criteria (KH III.2.1) for the nominee kinds it accepts —
-- "2.1-a-n" for collectives (a locality is judged as a collective), "2.1-b-n" for individuals and households —
-- followed by the specific criteria of its field: "2.2.x-a-n" collectives, "2.2.x-b-n" individuals, as the plan
-- splits them a)/b); "2.2.x-n" where the plan does not split. The general block is written once below and
-- added by nominee kind, so it cannot drift between movements.
-- Movements 3 (office culture) and 5 (Directive 05) share the criteria of KH III.2.2.3, as the plan has it.
-- The scan numbers the good-farmers criteria "2.2.3" by a typo; by their place they are 2.2.5 (PLAN §3 agrees).
--
-- indicators: the criteria that are figures (PLAN §5 last paragraph), recorded as numbers per nomination:
-- enterprises' revenue, tax paid and profit per year, each "rising" (KH 2.2.1 a: năm sau cao hơn năm trước);
-- good farmers' yearly income (the plan asks "among the highest", which no per-nomination rule can check, so
-- rule null) and jobs created; new countryside workdays, land donated and money contributed (KH 2.2.2 b).
--
-- classification (Thông tư 02/2023/TT-BNV, report 0601.N; 0012): who launched the movement, its scope, duration
-- and method. This data set's reading, to be confirmed against each movement's launching text [U]: the national
-- movements the plan relays (1, 2, 4, 5, 7) were launched centrally, the farmers' by their central association
-- and the armed forces' ("Thi đua Quyết thắng", "Vì an ninh Tổ quốc") by their ministries; office culture (3) is
-- the district's own, for 2019–2025 as its name says; the fields (8, 9, 11–13) are the district's regular
-- emulation. Movements 1, 2 and 4 are run for the plan's term 2021–2025; the others run on. starts_year is the
-- year the district took the movement up: 2021, the plan's year, except office culture (2019).
--
-- Fields 2.2.10–2.2.12 have criteria but no lead unit and no minimum in the plan: they are movements without
-- lead units. Not placed: "Lao động giỏi, lao động sáng tạo" and the campaigns "Toàn dân đoàn kết xây dựng
-- nông thôn mới", "Người Việt Nam ưu tiên dùng hàng Việt Nam" are named in KH II.1 for propagation only, with
-- no criteria, lead unit or quota; they are not movements of this data set.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.movements';

WITH general (collective, individual) AS (
    SELECT
        -- KH III.2.1 a) Đối với tập thể
        '[
          {"code": "2.1-a-1", "text": "Có thành tích tiêu biểu xuất sắc trong công tác, dẫn đầu các phong trào thi đua"},
          {"code": "2.1-a-2", "text": "Nội bộ đoàn kết"},
          {"code": "2.1-a-3", "text": "Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước"},
          {"code": "2.1-a-4", "text": "Xây dựng tổ chức Đảng, đoàn thể trong sạch, vững mạnh"},
          {"code": "2.1-a-5", "text": "Tích cực tham gia các hoạt động nhân đạo, từ thiện, an sinh xã hội"},
          {"code": "2.1-a-6", "text": "Đảm bảo đời sống cho cán bộ, nhân viên"}
        ]'::jsonb,
        -- KH III.2.1 b) Đối với cá nhân, hộ gia đình
        '[
          {"code": "2.1-b-1", "text": "Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; quy định của cơ quan, đơn vị"},
          {"code": "2.1-b-2", "text": "Có tinh thần tương thân tương ái, giúp đỡ các cá nhân, đơn vị, cộng đồng cùng phát triển"},
          {"code": "2.1-b-3", "text": "Tích cực học tập, rèn luyện nâng cao năng lực chuyên môn, phẩm chất đạo đức"},
          {"code": "2.1-b-4", "text": "Tích cực tham gia hoạt động đoàn thể, các hoạt động nhân đạo, từ thiện, an sinh xã hội"}
        ]'::jsonb
)
INSERT INTO thidua.movements (area_id, code, name, field, criteria_section, nominee_kinds, criteria, indicators,
                              initiating_level, scope, duration, method, starts_year, ends_year)
SELECT 'dien-bien/tua-chua', m.code, m.name, m.field, m.section, m.kinds,
       CASE WHEN m.kinds && ARRAY['collective', 'locality'] THEN g.collective ELSE '[]'::jsonb END
       || CASE WHEN m.kinds && ARRAY['individual', 'household'] THEN g.individual ELSE '[]'::jsonb END
       || m.specific::jsonb,
       m.indicators::jsonb,
       c.initiating_level, c.scope, c.duration, c.method, c.starts_year, c.ends_year
FROM general g CROSS JOIN (VALUES
    -- PLAN §3 row 1 — KH III.2.2.1
    (1, 'doanh-nghiep-hoi-nhap',
     'Doanh nghiệp Việt Nam hội nhập và phát triển',
     'Sản xuất, kinh doanh', '2.2.1', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.1-a-1", "text": "Doanh nghiệp có nhiều thành tích tiêu biểu nổi bật trong hoạt động sản xuất kinh doanh trên địa bàn"},
       {"code": "2.2.1-a-2", "text": "Có sáng kiến, cải tiến kỹ thuật, áp dụng tiến bộ khoa học kỹ thuật trong quy trình sản xuất kinh doanh mang lại hiệu quả kinh tế cao"},
       {"code": "2.2.1-a-3", "text": "Tích cực đầu tư mở rộng lĩnh vực, ngành nghề kinh doanh"},
       {"code": "2.2.1-a-4", "text": "Các chỉ tiêu về doanh thu, nộp thuế, lợi nhuận hàng năm đều tăng (năm sau cao hơn năm trước)"},
       {"code": "2.2.1-a-5", "text": "Thực hiện tốt nghĩa vụ nộp thuế và chính sách đối với người lao động"},
       {"code": "2.2.1-a-6", "text": "Đạt tiêu chuẩn an toàn lao động, an ninh trật tự, môi trường"},
       {"code": "2.2.1-a-7", "text": "Tích cực hưởng ứng các phong trào thi đua do tỉnh, huyện tổ chức phát động, có đóng góp tích cực vào các chỉ tiêu phát triển kinh tế - xã hội của huyện"},
       {"code": "2.2.1-b-1", "text": "Có nhiều thành tích trong hoạt động sản xuất kinh doanh; có sáng kiến, cải tiến kỹ thuật, áp dụng tiến bộ khoa học kỹ thuật trong sản xuất kinh doanh mang lại hiệu quả kinh tế cao"},
       {"code": "2.2.1-b-2", "text": "Tích cực hưởng ứng các phong trào thi đua do tỉnh, huyện tổ chức phát động; tích cực tham gia công tác xã hội, từ thiện"},
       {"code": "2.2.1-b-3", "text": "Cá nhân là người đứng đầu doanh nghiệp còn phải thực hiện tốt chính sách bảo hiểm đối với người lao động, nghĩa vụ nộp ngân sách nhà nước, đảm bảo môi trường, an toàn vệ sinh lao động, an toàn vệ sinh thực phẩm"}
     ]',
     '[
       {"code": "revenue", "name": "Doanh thu", "unit": "triệu đồng", "perYear": true, "rule": "rising"},
       {"code": "tax", "name": "Nộp thuế", "unit": "triệu đồng", "perYear": true, "rule": "rising"},
       {"code": "profit", "name": "Lợi nhuận", "unit": "triệu đồng", "perYear": true, "rule": "rising"}
     ]'),

    -- PLAN §3 row 2 — KH III.2.2.4 (households: poor and near-poor households that escaped poverty)
    (2, 'vi-nguoi-ngheo',
     'Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau',
     'Giảm nghèo, an sinh xã hội', '2.2.4', ARRAY['collective', 'individual', 'household'],
     '[
       {"code": "2.2.4-1", "text": "Tập thể, cá nhân, cơ quan, tổ chức, đơn vị, địa phương tích cực hưởng ứng phong trào thi đua, có việc làm thiết thực tham gia vận động, đóng góp của cải, vật chất hỗ trợ, đảm bảo công tác an sinh xã hội trên địa bàn huyện"},
       {"code": "2.2.4-2", "text": "Hộ nghèo, cận nghèo có tinh thần khắc phục khó khăn, có phương pháp, cách làm hay, sáng tạo phù hợp với điều kiện và hoàn cảnh thực tế, nỗ lực vươn lên thoát nghèo, làm giàu chính đáng"}
     ]',
     '[]'),

    -- PLAN §3 row 3 — KH III.2.2.3
    (3, 'van-hoa-cong-so',
     'Cán bộ, công chức, viên chức huyện Tủa Chùa thi đua thực hiện văn hóa công sở giai đoạn 2019–2025',
     'Cải cách hành chính, văn hóa công sở', '2.2.3', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.3-a-1", "text": "Cơ quan, đơn vị tiêu biểu xuất sắc, có cách làm hay, sáng tạo trong triển khai, tổ chức đăng ký, học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
       {"code": "2.2.3-a-2", "text": "Đẩy mạnh công tác cải cách hành chính, công khai, minh bạch, đơn giản hóa thủ tục hành chính, ứng dụng công nghệ thông tin trong hoạt động"},
       {"code": "2.2.3-a-3", "text": "Tích cực triển khai, tổ chức các phong trào thi đua hoàn thành xuất sắc nhiệm vụ chính trị được giao"},
       {"code": "2.2.3-a-4", "text": "Cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp"},
       {"code": "2.2.3-a-5", "text": "Tổ chức Đảng, đoàn thể được đánh giá “Hoàn thành tốt nhiệm vụ” trở lên"},
       {"code": "2.2.3-b-1", "text": "Có phẩm chất đạo đức trong sáng, chuẩn mực về giao tiếp công vụ; là tấm gương tiêu biểu cho ý chí rèn luyện, tu dưỡng đạo đức, thực hành tiết kiệm, chống lãng phí"},
       {"code": "2.2.3-b-2", "text": "Gương mẫu đi đầu trong công tác; có tinh thần trách nhiệm cao, tận tụy, năng động, sáng tạo"},
       {"code": "2.2.3-b-3", "text": "Có nhiều sáng kiến, giải pháp hữu ích nâng cao năng suất lao động, hiệu quả công tác; hoàn thành xuất sắc nhiệm vụ được giao"}
     ]',
     '[]'),

    -- PLAN §3 row 4 — KH III.2.2.2 (a commune, village or bản is nominated here as a collective, as the plan says)
    (4, 'nong-thon-moi',
     'Cả nước chung sức xây dựng nông thôn mới',
     'Xây dựng nông thôn mới', '2.2.2', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.2-a-1", "text": "Xã, thôn, bản đạt được các tiêu chí về xây dựng nông thôn mới, thôn, bản mới kiểu mẫu theo Chương trình xây dựng nông thôn mới của tỉnh, huyện"},
       {"code": "2.2.2-a-2", "text": "Đơn vị không phải là đơn vị chọn làm điểm có nhiều nỗ lực vượt khó, đạt kết quả tích cực; xã, thôn, bản về đích sớm trước thời hạn đề ra"},
       {"code": "2.2.2-a-3", "text": "Có phương pháp, cách làm hay phù hợp với điều kiện thực tế, tích cực hưởng ứng và tổ chức các phong trào thi đua thiết thực để thực hiện có hiệu quả từng tiêu chí về xây dựng nông thôn mới"},
       {"code": "2.2.2-b-1", "text": "Là nhân tố tiêu biểu, nổi trội trong việc tuyên truyền, vận động góp phần hoàn thành tiêu chí về xây dựng nông thôn mới, thôn, bản mới kiểu mẫu trên địa bàn"},
       {"code": "2.2.2-b-2", "text": "Tham gia hiến đất làm đường, công trình phúc lợi, đóng góp tiền của, vật chất, ngày công lao động… xây dựng cơ sở hạ tầng nông thôn"}
     ]',
     '[
       {"code": "workdays", "name": "Ngày công lao động đóng góp", "unit": "ngày công", "perYear": false, "rule": null},
       {"code": "land_donated_m2", "name": "Diện tích đất hiến", "unit": "m²", "perYear": false, "rule": null},
       {"code": "money_contributed", "name": "Tiền đóng góp", "unit": "triệu đồng", "perYear": false, "rule": null}
     ]'),

    -- PLAN §3 row 5 — KH III.2.2.3 (the same section as row 3)
    (5, 'hoc-tap-lam-theo-bac',
     'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)',
     'Xây dựng Đảng, công tác tư tưởng', '2.2.3', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.3-a-1", "text": "Cơ quan, đơn vị tiêu biểu xuất sắc, có cách làm hay, sáng tạo trong triển khai, tổ chức đăng ký, học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
       {"code": "2.2.3-a-2", "text": "Đẩy mạnh công tác cải cách hành chính, công khai, minh bạch, đơn giản hóa thủ tục hành chính, ứng dụng công nghệ thông tin trong hoạt động"},
       {"code": "2.2.3-a-3", "text": "Tích cực triển khai, tổ chức các phong trào thi đua hoàn thành xuất sắc nhiệm vụ chính trị được giao"},
       {"code": "2.2.3-a-4", "text": "Cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp"},
       {"code": "2.2.3-a-5", "text": "Tổ chức Đảng, đoàn thể được đánh giá “Hoàn thành tốt nhiệm vụ” trở lên"},
       {"code": "2.2.3-b-1", "text": "Có phẩm chất đạo đức trong sáng, chuẩn mực về giao tiếp công vụ; là tấm gương tiêu biểu cho ý chí rèn luyện, tu dưỡng đạo đức, thực hành tiết kiệm, chống lãng phí"},
       {"code": "2.2.3-b-2", "text": "Gương mẫu đi đầu trong công tác; có tinh thần trách nhiệm cao, tận tụy, năng động, sáng tạo"},
       {"code": "2.2.3-b-3", "text": "Có nhiều sáng kiến, giải pháp hữu ích nâng cao năng suất lao động, hiệu quả công tác; hoàn thành xuất sắc nhiệm vụ được giao"}
     ]',
     '[]'),

    -- PLAN §3 row 6 — KH III.2.2.5 (the criteria are written for households of good farmers)
    (6, 'nong-dan-sxkd-gioi',
     'Nông dân thi đua sản xuất, kinh doanh giỏi',
     'Nông nghiệp, nông dân', '2.2.5', ARRAY['collective', 'individual', 'household'],
     '[
       {"code": "2.2.5-1", "text": "Hộ gia đình tiêu biểu, nông dân sản xuất, kinh doanh giỏi làm giàu chính đáng trên lĩnh vực nông nghiệp, lâm nghiệp, dịch vụ, chăn nuôi, chế biến, tiêu thụ sản phẩm…, có ảnh hưởng tích cực, tạo sự lan tỏa trong cộng đồng, xã hội"},
       {"code": "2.2.5-2", "text": "Tích cực áp dụng tiến bộ khoa học kỹ thuật vào lao động, sản xuất, kinh doanh để đạt năng suất, hiệu quả cao"},
       {"code": "2.2.5-3", "text": "Lợi nhuận, thu nhập hàng năm cao nhất trong số các hộ gia đình"},
       {"code": "2.2.5-4", "text": "Tích cực truyền đạt, chia sẻ kinh nghiệm sản xuất, kinh doanh"},
       {"code": "2.2.5-5", "text": "Giải quyết việc làm ổn định cho một số lao động tại địa phương nơi cư trú, giúp xóa đói, giảm nghèo"},
       {"code": "2.2.5-6", "text": "Tích cực tham gia các phong trào thi đua, các cuộc vận động; gia đình đạt tiêu chuẩn “Gia đình văn hóa” tiêu biểu ở khu dân cư"}
     ]',
     '[
       {"code": "income", "name": "Thu nhập", "unit": "triệu đồng", "perYear": true, "rule": null},
       {"code": "jobs_created", "name": "Lao động được giải quyết việc làm ổn định", "unit": "người", "perYear": false, "rule": null}
     ]'),

    -- PLAN §3 row 7 — KH III.2.2.6 (nominates places: xã, thị trấn, thôn, bản, tổ dân phố)
    (7, 'doi-song-van-hoa',
     'Toàn dân đoàn kết xây dựng đời sống văn hóa',
     'Văn hóa, đời sống', '2.2.6', ARRAY['locality'],
     '[
       {"code": "2.2.6-1", "text": "Đạt các tiêu chí về xây dựng “Bản văn hóa”, “Tổ dân phố văn hóa” hoặc “Xã đạt chuẩn văn hóa nông thôn mới”"},
       {"code": "2.2.6-2", "text": "Là nhân tố tiêu biểu, nổi trội trong việc duy trì thuần phong mỹ tục và những bản sắc văn hóa tốt đẹp của địa phương; thực hiện có hiệu quả, tiết kiệm trong việc cưới, việc tang"},
       {"code": "2.2.6-3", "text": "Đời sống vật chất, tinh thần của người dân ngày càng được nâng lên rõ rệt, tạo được bầu không khí dân chủ thực sự trong cộng đồng dân cư"},
       {"code": "2.2.6-4", "text": "Có những cách làm hay trong công tác vận động, tuyên truyền, triển khai thực hiện và giữ vững tiêu chí phù hợp với điều kiện của địa phương, góp phần thực hiện hiệu quả phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”"}
     ]',
     '[]'),

    -- PLAN §3 row 8 — KH III.2.2.7
    (8, 'giao-duc-dao-tao',
     'Lĩnh vực giáo dục và đào tạo',
     'Giáo dục và đào tạo', '2.2.7', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.7-a-1", "text": "Tập thể tiêu biểu xuất sắc, dẫn đầu phong trào thi đua “Dạy tốt, học tốt”; có nhiều đổi mới, sáng tạo trong phương pháp giảng dạy mang lại hiệu quả thiết thực trong công tác"},
       {"code": "2.2.7-a-2", "text": "Cơ sở vật chất không ngừng được nâng lên; đội ngũ cán bộ, giáo viên có trình độ, tay nghề cao, tâm huyết với công việc; thực sự là nhà trường thân thiện, học sinh tích cực"},
       {"code": "2.2.7-a-3", "text": "Xây dựng phong trào, nề nếp học tập hiệu quả theo đúng tiêu chí quy định của ngành giáo dục; luôn giữ vững và vượt mức các chỉ tiêu đào tạo"},
       {"code": "2.2.7-a-4", "text": "Có nhiều giáo viên dạy giỏi, học sinh giỏi các cấp; nổi trội trong các hoạt động của ngành Giáo dục và Đào tạo trên địa bàn huyện"},
       {"code": "2.2.7-b-1", "text": "Giáo viên: có năng lực, tận tâm với nghề, có nhiều cố gắng trong công tác giảng dạy; có nhiều sáng kiến, giải pháp áp dụng mang lại hiệu quả thiết thực trong công tác"},
       {"code": "2.2.7-b-2", "text": "Giáo viên: có nhiều thành tích bồi dưỡng học sinh giỏi và đạt nhiều giải thưởng trong các cuộc thi; tích cực hưởng ứng các phong trào thi đua, tham gia hoạt động đảng, đoàn thể, công tác xã hội, từ thiện"},
       {"code": "2.2.7-b-3", "text": "Học sinh: là tấm gương sáng ham học hỏi, khắc phục khó khăn vươn lên trong học tập, đạt thành tích xuất sắc trong học tập và rèn luyện"}
     ]',
     '[]'),

    -- PLAN §3 row 9 — KH III.2.2.8
    (9, 'y-te',
     'Lĩnh vực y tế, chăm sóc sức khỏe nhân dân',
     'Y tế, chăm sóc sức khỏe nhân dân', '2.2.8', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.8-a-1", "text": "Là nhân tố tiêu biểu, nổi trội trong các hoạt động của ngành Y tế trên địa bàn huyện; thực hiện có hiệu quả rõ rệt các chương trình, mục tiêu quốc gia về lĩnh vực y tế"},
       {"code": "2.2.8-a-2", "text": "Nâng cao hiệu quả công tác chăm sóc sức khỏe cho người dân; có sáng kiến, giải pháp mới, sáng tạo nâng cao hiệu quả công tác được các cấp, các ngành ghi nhận"},
       {"code": "2.2.8-a-3", "text": "Thực hiện có hiệu quả các phong trào thi đua của ngành, đặc biệt là y đức của người thầy thuốc; tích cực hưởng ứng các phong trào thi đua của tỉnh, của huyện; tích cực tham gia, đóng góp cho công tác xã hội, từ thiện"},
       {"code": "2.2.8-b-1", "text": "Y, bác sĩ có năng lực, tận tâm, tận tụy; có phương pháp, giải pháp mới, sáng tạo nâng cao hiệu quả công tác"},
       {"code": "2.2.8-b-2", "text": "Giữ gìn y đức của người thầy thuốc; tích cực hưởng ứng các phong trào thi đua do các cấp phát động, các hoạt động đảng, đoàn thể, công tác xã hội, từ thiện"}
     ]',
     '[]'),

    -- PLAN §3 row 10 — KH III.2.2.9
    (10, 'luc-luong-vu-trang',
     'Phong trào thi đua của lực lượng vũ trang (“Thi đua Quyết thắng”, “Vì an ninh Tổ quốc”)',
     'Quốc phòng, an ninh', '2.2.9', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.9-a-1", "text": "Tập thể tiêu biểu dẫn đầu trong phong trào “Thi đua Quyết thắng”, phong trào “Vì an ninh Tổ quốc”; có sáng kiến, giải pháp mới, sáng tạo đạt hiệu quả cao trong công tác"},
       {"code": "2.2.9-a-2", "text": "Luôn sẵn sàng chiến đấu cao, chủ động trong mọi tình huống; giữ vững an ninh chính trị, trật tự an toàn xã hội; làm tốt công tác vận động quần chúng, xây dựng “thế trận lòng dân” vững chắc"},
       {"code": "2.2.9-a-3", "text": "Tích cực hưởng ứng các phong trào thi đua do tỉnh, huyện tổ chức phát động; tích cực tham gia đóng góp cho công tác xã hội, từ thiện"},
       {"code": "2.2.9-a-4", "text": "Tập thể tiêu biểu, xuất sắc, điển hình trong từng lĩnh vực: công tác tham mưu, chỉ đạo, hướng dẫn thực hiện, huấn luyện, sẵn sàng chiến đấu; xây dựng nề nếp chính quy, rèn luyện kỷ luật; xây dựng cơ quan, đơn vị vững mạnh về chính trị; bảo đảm công tác hậu cần, tài chính; giữ gìn, bảo đảm an ninh trật tự trên địa bàn được phân công phụ trách"},
       {"code": "2.2.9-b-1", "text": "Cán bộ, chiến sĩ có bản lĩnh chính trị kiên định, vững vàng, tuyệt đối trung thành với sự nghiệp cách mạng; kiên quyết đấu tranh với các biểu hiện sai trái; hoàn thành xuất sắc các nhiệm vụ"},
       {"code": "2.2.9-b-2", "text": "Có nhiều phương pháp, giải pháp mới, sáng tạo, đạt hiệu quả cao trong công tác và lĩnh vực"},
       {"code": "2.2.9-b-3", "text": "Tích cực hưởng ứng, thực hiện có hiệu quả phong trào “Thi đua Quyết thắng”, phong trào “Vì an ninh Tổ quốc” và các phong trào do các cấp tổ chức phát động; tích cực tham gia hoạt động của các tổ chức đoàn thể; tích cực đóng góp công tác xã hội, từ thiện"}
     ]',
     '[]'),

    -- KH III.2.2.10: criteria, but no lead unit and no minimum in the plan
    (11, 'to-chuc-hoi',
     'Điển hình trong hoạt động của các tổ chức hội',
     'Hội, đoàn thể', '2.2.10', ARRAY['collective', 'individual'],
     '[
       {"code": "2.2.10-a-1", "text": "Tập thể tiêu biểu có sáng tạo trong hoạt động tuyên truyền, giáo dục, vận động đoàn viên, hội viên và nhân dân thực hiện tốt đường lối, chính sách của Đảng, pháp luật của Nhà nước, quy định của địa phương"},
       {"code": "2.2.10-a-2", "text": "Tập thể đoàn kết, luôn hoàn thành xuất sắc nhiệm vụ được giao; tích cực hưởng ứng, tổ chức thực hiện có hiệu quả các phong trào thi đua"},
       {"code": "2.2.10-b-1", "text": "Hội viên, đoàn viên tiêu biểu gương mẫu đi đầu, là tấm gương để mọi thành viên khác học tập, noi theo; nổi trội trong mọi hoạt động công tác hội, đoàn thể quần chúng"}
     ]',
     '[]'),

    -- KH III.2.2.11: criteria for collectives only; no lead unit, no minimum
    (12, 'co-quan-don-vi',
     'Điển hình trong các cơ quan, đơn vị, UBND các xã, thị trấn',
     'Cơ quan, đơn vị, UBND các xã, thị trấn', '2.2.11', ARRAY['collective'],
     '[
       {"code": "2.2.11-1", "text": "Tập thể phòng, ban, đơn vị, UBND các xã, thị trấn tiêu biểu, nổi trội trong thực hiện nhiệm vụ chuyên môn; cải cách hành chính; ứng dụng công nghệ thông tin trong hoạt động"},
       {"code": "2.2.11-2", "text": "Công chức, viên chức, người lao động trong tập thể luôn chủ động, sáng tạo, đạt hiệu quả cao trong thực thi chức năng, nhiệm vụ được giao"},
       {"code": "2.2.11-3", "text": "Tích cực hưởng ứng và tổ chức thực hiện có hiệu quả các phong trào thi đua do Trung ương, bộ, ngành, tỉnh, huyện và cơ quan, đơn vị phát động"},
       {"code": "2.2.11-4", "text": "Thực hiện nghiêm túc kỷ cương, kỷ luật hành chính, quy chế làm việc; thực hành tiết kiệm, chống lãng phí; tích cực tham gia xây dựng công tác Đảng, đoàn thể, công tác xã hội, từ thiện"}
     ]',
     '[]'),

    -- KH III.2.2.12: individuals only, in three groups a) b) c); no lead unit, no minimum
    (13, 'guong-ca-nhan',
     'Gương cá nhân điển hình tiên tiến',
     'Gương cá nhân điển hình tiên tiến', '2.2.12', ARRAY['individual'],
     '[
       {"code": "2.2.12-a-1", "text": "Cán bộ, công chức, viên chức: là nhân tố tiêu biểu, điển hình, gương mẫu đi đầu trong mọi lĩnh vực; hàng năm luôn hoàn thành xuất sắc nhiệm vụ được giao"},
       {"code": "2.2.12-a-2", "text": "Cán bộ, công chức, viên chức: có tinh thần trách nhiệm cao, năng động, sáng tạo, có những giải pháp, sáng kiến mang lại hiệu quả trong công tác"},
       {"code": "2.2.12-a-3", "text": "Cán bộ, công chức, viên chức: thực hiện có hiệu quả những việc đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và được cấp có thẩm quyền đánh giá, ghi nhận"},
       {"code": "2.2.12-a-4", "text": "Cán bộ, công chức, viên chức: có tinh thần đoàn kết, xây dựng tập thể; có ý thức trách nhiệm với tập thể, với cộng đồng; tích cực hưởng ứng các phong trào thi đua, các hoạt động đoàn thể và công tác xã hội, từ thiện"},
       {"code": "2.2.12-b-1", "text": "Người giữ chức vụ lãnh đạo, quản lý: luôn năng động, sáng tạo, nêu cao tinh thần trách nhiệm của người đứng đầu; lãnh đạo, chỉ đạo tổ chức thực hiện có hiệu quả nhiệm vụ phát triển kinh tế - xã hội, nhiệm vụ chính trị được giao của cơ quan, đơn vị"},
       {"code": "2.2.12-b-2", "text": "Người giữ chức vụ lãnh đạo, quản lý: tích cực nghiên cứu, áp dụng các sáng kiến, giải pháp trong thực hiện chức năng, nhiệm vụ của cơ quan, đơn vị và trong tổ chức thực hiện các phong trào thi đua đạt hiệu quả cao"},
       {"code": "2.2.12-b-3", "text": "Người giữ chức vụ lãnh đạo, quản lý: tập thể do cá nhân phụ trách đạt tập thể tiêu biểu, hoàn thành xuất sắc nhiệm vụ hàng năm"},
       {"code": "2.2.12-c-1", "text": "Công nhân, người lao động: là nhân tố tiêu biểu trong việc chấp hành tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; quy định của địa phương, cơ quan, đơn vị"},
       {"code": "2.2.12-c-2", "text": "Công nhân, người lao động: đạt nhiều thành tích tiêu biểu xuất sắc, có ý thức tổ chức kỷ luật, năng động, sáng tạo trong lao động, sản xuất"},
       {"code": "2.2.12-c-3", "text": "Công nhân, người lao động: có sáng kiến cải tiến kỹ thuật, cải tiến quy trình nâng cao năng suất lao động; có tinh thần đoàn kết, tương thân, tương ái"}
     ]',
     '[]')
) AS m (ord, code, name, field, section, kinds, specific, indicators)
JOIN (VALUES
    ('doanh-nghiep-hoi-nhap', 'central',  'sector',     'fixed_term', 'thematic', 2021, 2025),
    ('vi-nguoi-ngheo',        'central',  'whole_area', 'fixed_term', 'thematic', 2021, 2025),
    ('van-hoa-cong-so',       'district', 'sector',     'fixed_term', 'thematic', 2019, 2025),
    ('nong-thon-moi',         'central',  'whole_area', 'fixed_term', 'thematic', 2021, 2025),
    ('hoc-tap-lam-theo-bac',  'central',  'whole_area', 'regular',    'thematic', 2021, NULL),
    ('nong-dan-sxkd-gioi',    'ministry', 'sector',     'regular',    'thematic', 2021, NULL),
    ('doi-song-van-hoa',      'central',  'whole_area', 'regular',    'thematic', 2021, NULL),
    ('giao-duc-dao-tao',      'district', 'sector',     'regular',    'regular',  2021, NULL),
    ('y-te',                  'district', 'sector',     'regular',    'regular',  2021, NULL),
    ('luc-luong-vu-trang',    'ministry', 'sector',     'regular',    'regular',  2021, NULL),
    ('to-chuc-hoi',           'district', 'sector',     'regular',    'regular',  2021, NULL),
    ('co-quan-don-vi',        'district', 'whole_area', 'regular',    'regular',  2021, NULL),
    ('guong-ca-nhan',         'district', 'whole_area', 'regular',    'regular',  2021, NULL)
) AS c (code, initiating_level, scope, duration, method, starts_year, ends_year) ON c.code = m.code
ORDER BY m.ord;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Lead units (đơn vị chủ trì) and partners (phối hợp) — PLAN §3, column "lead unit", exactly as it reads:
-- the unit named first leads; the units in brackets ("with …") are partners; "with the communes" makes each of
-- the 12 communes a partner. Movement 10 has two leads, each for its own force.
-- Only PLAN §3 is followed: where the scan adds vaguer partners ("các cơ quan, đơn vị liên quan"; for movement 3
-- also "các phòng, ban, UBND các xã, thị trấn") no row is made. Movements 11–13 (KH 2.2.10–2.2.12) have none.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.movement_lead_units';

INSERT INTO thidua.movement_lead_units (movement_id, unit_id, part)
SELECT m.id, u.id, l.part
FROM (VALUES
    (1,  'doanh-nghiep-hoi-nhap', 'phong-kinh-te-ha-tang',   'lead'),
    (2,  'doanh-nghiep-hoi-nhap', 'phong-noi-vu',            'partner'),
    (3,  'vi-nguoi-ngheo',        'phong-lao-dong-tbxh',     'lead'),
    (4,  'vi-nguoi-ngheo',        'mttq-huyen',              'partner'),
    (5,  'van-hoa-cong-so',       'phong-noi-vu',            'lead'),
    (6,  'nong-thon-moi',         'phong-nong-nghiep-ptnt',  'lead'),
    (7,  'hoc-tap-lam-theo-bac',  'ban-tuyen-giao',          'lead'),
    (8,  'nong-dan-sxkd-gioi',    'hoi-nong-dan',            'lead'),
    (9,  'doi-song-van-hoa',      'phong-van-hoa-thong-tin', 'lead'),
    (10, 'giao-duc-dao-tao',      'phong-giao-duc-dao-tao',  'lead'),
    (11, 'y-te',                  'phong-y-te',              'lead'),
    (12, 'luc-luong-vu-trang',    'cong-an-huyen',           'lead'),
    (13, 'luc-luong-vu-trang',    'ban-chqs-huyen',          'lead')
) AS l (ord, movement, unit, part)
JOIN thidua.movements m ON m.area_id = 'dien-bien/tua-chua' AND m.code = l.movement
JOIN thidua.units u ON u.area_id = 'dien-bien/tua-chua' AND u.code = l.unit
UNION ALL
-- Movements 4 (nông thôn mới) and 6 (nông dân sản xuất, kinh doanh giỏi): every commune and the town partner.
SELECT m.id, u.id, 'partner'
FROM thidua.movements m
JOIN thidua.units u ON u.area_id = m.area_id AND u.kind = 'commune'
WHERE m.area_id = 'dien-bien/tua-chua' AND m.code IN ('nong-thon-moi', 'nong-dan-sxkd-gioi')
ORDER BY 1, 3, 2;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Rounds (đợt) — PLAN §4 and §6, KH IV.1.2.
-- * 2021-co-so: exemplars at the unit's own level (cấp phòng, ban, đoàn thể, cấp xã), due before 10/10/2021.
-- * 2021-huyen: district-level lists per unit and per movement, to UBND huyện through Phòng Nội vụ, due before
--   12/11/2021.
-- The plan says "hoàn thành trước ngày …" (finished before the day). The due moment is set to the end of that
-- day, local time (+07): the lenient reading, so no unit is refused on the named day itself. A strict reading
-- would end one day earlier; the secretariat can change due_at.
-- Both open on the plan's date, 02/7/2021. Both are left 'open' although they are history: the demo shows them
-- live. Their due dates have passed, so a submission today is refused as late (TD003) unless the secretariat
-- records a deadline exception — which is exactly what the demo can show. A real deployment closes them.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.rounds';

INSERT INTO thidua.rounds (area_id, code, name, year, level, opens_at, due_at, state, plan_citation)
SELECT area, code, name, year, level, opens, due, 'open',
       'Kế hoạch số 123/KH-UBND ngày 02 tháng 7 năm 2021 của Ủy ban nhân dân huyện Tủa Chùa về tổ chức các phong trào thi đua yêu nước giai đoạn 2021 – 2025'
FROM (VALUES
    ('dien-bien/tua-chua', '2021-co-so', 'Lựa chọn điển hình tiên tiến cấp cơ sở năm 2021', 2021, 'unit',
     TIMESTAMPTZ '2021-07-02 00:00:00+07', TIMESTAMPTZ '2021-10-10 23:59:59+07'),
    ('dien-bien/tua-chua', '2021-huyen', 'Đăng ký mô hình, điển hình tiên tiến cấp huyện năm 2021', 2021, 'district',
     TIMESTAMPTZ '2021-07-02 00:00:00+07', TIMESTAMPTZ '2021-11-12 23:59:59+07')
) AS r(area, code, name, year, level, opens, due);

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- How many exemplars each kind of unit selects, per round — PLAN §4 (KH IV.1.2 a, first dash):
-- xã, thị trấn 1–4; phòng, ban, đoàn thể 1–2; doanh nghiệp 1–2. The maximum is the hard limit at submission.
-- armed_force 1–3 is not in PLAN §4: it comes from PLAN §3 row 10 ("each force 1 to 3 models").
-- The plan states these limits for the district-level selection; it sets none for the unit-level round, so the
-- same limits are applied to 2021-co-so for the demo (the secretariat can change them).
-- secretariat and council units submit nothing, so they get no limit.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.round_unit_limits';

INSERT INTO thidua.round_unit_limits (round_id, unit_kind, minimum, maximum)
SELECT r.id, k.unit_kind, k.minimum, k.maximum
FROM thidua.rounds r
CROSS JOIN (VALUES
    (1, 'commune',     1, 4),
    (2, 'department',  1, 2),
    (3, 'enterprise',  1, 2),
    (4, 'armed_force', 1, 3)
) AS k (ord, unit_kind, minimum, maximum)
WHERE r.area_id = 'dien-bien/tua-chua' AND r.code IN ('2021-co-so', '2021-huyen')
ORDER BY r.code, k.ord;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- The lead units' minimums for the district round — PLAN §3, column "minimum" (KH IV.1.2 a, second dash).
-- Movements 1–6 and 9: at least 1 collective and 3 individuals. Movement 7: 2 models, which are places
-- ('locality'). Movement 8: 3 collectives and 3 individuals.
-- Movement 10: the plan asks EACH force for 1 to 3 models of any kind ("mỗi lực lượng giới thiệu tối thiểu 01
-- đến 03 mô hình"): per_lead_unit (0027), so Công an huyện and Ban Chỉ huy Quân sự huyện are counted apart, each
-- over its own nominations, each with minimum 1 and maximum 3. That maximum is reported (an excess in the
-- compliance table); the refusal of a force's fourth nomination is the armed_force unit limit above.
-- Movements 11–13 (KH 2.2.10–2.2.12) have no minimum.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.round_movement_minimums';

INSERT INTO thidua.round_movement_minimums (round_id, movement_id, nominee_kind, minimum, maximum, per_lead_unit)
SELECT (SELECT r.id FROM thidua.rounds r WHERE r.area_id = 'dien-bien/tua-chua' AND r.code = '2021-huyen'),
       m.id, q.nominee_kind, q.minimum, q.maximum, q.per_lead_unit
FROM (VALUES
    (1,  'doanh-nghiep-hoi-nhap', 'collective', 1, NULL, false),
    (2,  'doanh-nghiep-hoi-nhap', 'individual', 3, NULL, false),
    (3,  'vi-nguoi-ngheo',        'collective', 1, NULL, false),
    (4,  'vi-nguoi-ngheo',        'individual', 3, NULL, false),
    (5,  'van-hoa-cong-so',       'collective', 1, NULL, false),
    (6,  'van-hoa-cong-so',       'individual', 3, NULL, false),
    (7,  'nong-thon-moi',         'collective', 1, NULL, false),
    (8,  'nong-thon-moi',         'individual', 3, NULL, false),
    (9,  'hoc-tap-lam-theo-bac',  'collective', 1, NULL, false),
    (10, 'hoc-tap-lam-theo-bac',  'individual', 3, NULL, false),
    (11, 'nong-dan-sxkd-gioi',    'collective', 1, NULL, false),
    (12, 'nong-dan-sxkd-gioi',    'individual', 3, NULL, false),
    (13, 'doi-song-van-hoa',      'locality',   2, NULL, false),
    (14, 'giao-duc-dao-tao',      'collective', 3, NULL, false),
    (15, 'giao-duc-dao-tao',      'individual', 3, NULL, false),
    (16, 'y-te',                  'collective', 1, NULL, false),
    (17, 'y-te',                  'individual', 3, NULL, false),
    (18, 'luc-luong-vu-trang',    'any',        1, 3,    true)
) AS q (ord, movement, nominee_kind, minimum, maximum, per_lead_unit)
JOIN thidua.movements m ON m.area_id = 'dien-bien/tua-chua' AND m.code = q.movement
ORDER BY q.ord;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Decision series (issue 4 §3): the registers in which UBND huyện Tủa Chùa numbers its commendation decisions
-- (Quyết định, "123/QĐ-UBND") and its proposals to the province (Tờ trình, "45/TTr-UBND"). The suffixes are the
-- usual ones of Nghị định 30/2020/NĐ-CP (văn thư), appendix III; the district's own register book is not in
-- PLAN.md, so the district's practice (one register for all its decisions, or one for commendations) is to be
-- confirmed. The issuer is the district chairman (conferring_authorities, 0010); both series end on 2025-07-01
-- with the district level. Numbers restart each year, taken at signing.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.decision_series';

INSERT INTO thidua.decision_series (area_id, code, document_kind, issuing_body, issuer_level, suffix, place, valid_from, valid_to)
VALUES ('dien-bien/tua-chua', 'qd-ubnd', 'decision', 'Ủy ban nhân dân huyện Tủa Chùa', 'district_chairman', 'QĐ-UBND',
        'Tủa Chùa', '2021-01-01', '2025-07-01'),
       ('dien-bien/tua-chua', 'ttr-ubnd', 'proposal', 'Ủy ban nhân dân huyện Tủa Chùa', 'district_chairman', 'TTr-UBND',
        'Tủa Chùa', '2021-01-01', '2025-07-01');

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- The plan's reviews and congresses that select exemplars (PLAN §6; KH 123/KH-UBND section IV). Only the
-- mid-term review's day is in the plan (11/6/2023, the 75th anniversary of the call for patriotic emulation);
-- the others carry the year 2025 and no day until the secretariat knows it.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.catalogue.emulation_reviews';

INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period) VALUES
    ('dien-bien/tua-chua', 'so-ket-2023', 'mid_term_review', 'district',
     'Sơ kết giữa kỳ phong trào thi đua yêu nước giai đoạn 2021–2025', 2023, '2023-06-11', 'Kế hoạch 123/KH-UBND ngày 02/7/2021, mục IV',
     '2021-2025'),
    ('dien-bien/tua-chua', 'tong-ket-2025', 'final_review', 'district',
     'Tổng kết phong trào thi đua yêu nước giai đoạn 2021–2025', 2025, NULL, 'Kế hoạch 123/KH-UBND ngày 02/7/2021, mục IV',
     '2021-2025'),
    ('dien-bien/tua-chua', 'dai-hoi-huyen-iii', 'congress', 'district',
     'Đại hội Thi đua yêu nước huyện Tủa Chùa lần thứ III', 2025, NULL, 'Kế hoạch 123/KH-UBND ngày 02/7/2021, mục IV', NULL),
    ('dien-bien/tua-chua', 'dai-hoi-tinh-vi', 'congress', 'province',
     'Đại hội Thi đua yêu nước tỉnh Điện Biên lần thứ VI', 2025, NULL, 'Kế hoạch 123/KH-UBND ngày 02/7/2021, mục IV', NULL),
    ('dien-bien/tua-chua', 'dai-hoi-toan-quoc-xi', 'congress', 'national',
     'Đại hội Thi đua yêu nước toàn quốc lần thứ XI', 2025, NULL, 'Kế hoạch 123/KH-UBND ngày 02/7/2021, mục IV', NULL);
