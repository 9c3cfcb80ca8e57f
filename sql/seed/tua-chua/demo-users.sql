-- Demo people for the Tủa Chùa data set. DEMO ONLY: never load this file into a real deployment.
--
-- Every person here is fictional (Hmông, Thái and Kinh names, as fit Tủa Chùa); any likeness to a real official
-- is chance. Every password is 'thidua-demo', stored as bcrypt (pgcrypto crypt with gen_salt('bf', 8): cost 8
-- keeps the load fast; real accounts use the application's own cost).
--
-- Loaded after catalogue.sql, in the same transaction and under the same installer identity (see the header
-- of catalogue.sql): no BEGIN/COMMIT, no change of actor. Every user and grant row is audited (the password
-- hash is left out of the audit event by the trigger). Grants are made by the installer: granted_by NULL.
--
-- Usernames (ASCII):
--   commune        <xã>.canbo (unit_clerk), <xã>.chutich (unit_head: Chủ tịch UBND xã, thị trấn)
--   department,    <đơn vị>.canbo (unit_clerk), <đơn vị>.thutruong (unit_head: trưởng phòng, trưởng ban,
--   armed force      chủ tịch, giám đốc, trưởng Công an, chỉ huy trưởng — "thủ trưởng đơn vị")
--   secretariat    noivu.thuky, noivu.chuyenvien: two staff of Phòng Nội vụ holding the secretariat role
--                  (Phòng Nội vụ is the council's standing body, PLAN §1); its head keeps unit_head only
--   council        hoidong.tv1…tv3, phochutich.huyen, chutich.huyen, plus two department heads as members
--   oversight      thanhtra (auditor), quantri (admin)

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Users and their role grants — DESIGN.md §4 roles over the units of PLAN §1.
--
-- Council (Hội đồng Thi đua - Khen thưởng huyện): the chairman (Chủ tịch UBND huyện, who signs decisions) and
-- six members holding council_member:
--   phochutich.huyen  Phó Chủ tịch UBND huyện, Phó Chủ tịch Hội đồng — of the council unit, so that the chairman
--                     can delegate to them (a delegation stays within one unit);
--   hoidong.tv1…tv3   members who are staff of no participating unit (Chánh Văn phòng HĐND và UBND huyện,
--                     Chủ tịch Liên đoàn Lao động huyện, Bí thư Huyện đoàn — bodies the plan does not list),
--                     so their home unit is the council unit;
--   noivu.thutruong   Trưởng phòng Nội vụ, Phó Chủ tịch thường trực Hội đồng (also unit_head of Phòng Nội vụ);
--   mttq.thutruong    Chủ tịch Ủy ban MTTQ Việt Nam huyện (also unit_head of it).
-- The chairman holds only `chairman` (which votes and signs, DESIGN.md §4), not council_member as well.
-- thanhtra and quantri: the plan names no inspectorate or IT office; they are homed on the council unit only so
-- that they belong to the district's area.
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
SET LOCAL thidua.action = 'seed.demo_users';

WITH people (ord, unit_code, username, full_name, roles) AS (
    VALUES
    -- UBND xã, thị trấn: one clerk and the chairman of each
    (1,  'tt-tua-chua',     'tttuachua.canbo',     'Lò Thị Hương',        ARRAY['unit_clerk']),
    (2,  'tt-tua-chua',     'tttuachua.chutich',   'Nguyễn Văn Thắng',    ARRAY['unit_head']),
    (3,  'xa-huoi-so',      'huoiso.canbo',        'Giàng Thị Dua',       ARRAY['unit_clerk']),
    (4,  'xa-huoi-so',      'huoiso.chutich',      'Giàng A Chứ',         ARRAY['unit_head']),
    (5,  'xa-lao-xa-phinh', 'laoxaphinh.canbo',    'Mùa Thị Chò',         ARRAY['unit_clerk']),
    (6,  'xa-lao-xa-phinh', 'laoxaphinh.chutich',  'Mùa A Sử',            ARRAY['unit_head']),
    (7,  'xa-muong-bang',   'muongbang.canbo',     'Lường Thị Xuân',      ARRAY['unit_clerk']),
    (8,  'xa-muong-bang',   'muongbang.chutich',   'Lò Văn Hặc',          ARRAY['unit_head']),
    (9,  'xa-muong-dun',    'muongdun.canbo',      'Quàng Thị Thơm',      ARRAY['unit_clerk']),
    (10, 'xa-muong-dun',    'muongdun.chutich',    'Lò Văn Pánh',         ARRAY['unit_head']),
    (11, 'xa-sin-chai',     'sinchai.canbo',       'Thào Thị Mỷ',         ARRAY['unit_clerk']),
    (12, 'xa-sin-chai',     'sinchai.chutich',     'Thào A Dình',         ARRAY['unit_head']),
    (13, 'xa-sinh-phinh',   'sinhphinh.canbo',     'Vàng Thị Dợ',         ARRAY['unit_clerk']),
    (14, 'xa-sinh-phinh',   'sinhphinh.chutich',   'Vàng A Lử',           ARRAY['unit_head']),
    (15, 'xa-ta-phin',      'taphin.canbo',        'Sùng Thị Say',        ARRAY['unit_clerk']),
    (16, 'xa-ta-phin',      'taphin.chutich',      'Sùng A Phềnh',        ARRAY['unit_head']),
    (17, 'xa-ta-sin-thang', 'tasinthang.canbo',    'Lầu Thị Xúa',         ARRAY['unit_clerk']),
    (18, 'xa-ta-sin-thang', 'tasinthang.chutich',  'Lầu A Tủa',           ARRAY['unit_head']),
    (19, 'xa-trung-thu',    'trungthu.canbo',      'Hờ Thị Chá',          ARRAY['unit_clerk']),
    (20, 'xa-trung-thu',    'trungthu.chutich',    'Hờ A Dế',             ARRAY['unit_head']),
    (21, 'xa-tua-thang',    'tuathang.canbo',      'Cứ Thị Ly',           ARRAY['unit_clerk']),
    (22, 'xa-tua-thang',    'tuathang.chutich',    'Cứ A Sênh',           ARRAY['unit_head']),
    (23, 'xa-xa-nhe',       'xanhe.canbo',         'Lý Thị Mai',          ARRAY['unit_clerk']),
    (24, 'xa-xa-nhe',       'xanhe.chutich',       'Lý A Thào',           ARRAY['unit_head']),

    -- Phòng, ban, đoàn thể huyện: one clerk and the head of each
    (25, 'phong-noi-vu',            'noivu.canbo',          'Trần Thị Thu Hà',        ARRAY['unit_clerk']),
    (26, 'phong-noi-vu',            'noivu.thutruong',      'Phạm Văn Dũng',          ARRAY['unit_head', 'council_member']),
    (27, 'phong-kinh-te-ha-tang',   'kthatang.canbo',       'Bùi Thị Lan',            ARRAY['unit_clerk']),
    (28, 'phong-kinh-te-ha-tang',   'kthatang.thutruong',   'Vũ Đức Thắng',           ARRAY['unit_head']),
    (29, 'phong-lao-dong-tbxh',     'laodong.canbo',        'Lê Thị Hồng Nhung',      ARRAY['unit_clerk']),
    (30, 'phong-lao-dong-tbxh',     'laodong.thutruong',    'Hoàng Văn Nam',          ARRAY['unit_head']),
    (31, 'phong-nong-nghiep-ptnt',  'nongnghiep.canbo',     'Tráng Thị Pà',           ARRAY['unit_clerk']),
    (32, 'phong-nong-nghiep-ptnt',  'nongnghiep.thutruong', 'Tráng A Chu',            ARRAY['unit_head']),
    (33, 'phong-van-hoa-thong-tin', 'vanhoa.canbo',         'Cà Thị Ngọc',            ARRAY['unit_clerk']),
    (34, 'phong-van-hoa-thong-tin', 'vanhoa.thutruong',     'Lường Văn Hưng',         ARRAY['unit_head']),
    (35, 'phong-giao-duc-dao-tao',  'giaoduc.canbo',        'Nguyễn Thị Thanh Huyền', ARRAY['unit_clerk']),
    (36, 'phong-giao-duc-dao-tao',  'giaoduc.thutruong',    'Đặng Quốc Tuấn',         ARRAY['unit_head']),
    (37, 'phong-y-te',              'yte.canbo',            'Phan Thị Minh Thư',      ARRAY['unit_clerk']),
    (38, 'phong-y-te',              'yte.thutruong',        'Trịnh Văn Khải',         ARRAY['unit_head']),
    (39, 'trung-tam-vh-tt-th',      'trungtamvh.canbo',     'Quàng Văn Tuấn',         ARRAY['unit_clerk']),
    (40, 'trung-tam-vh-tt-th',      'trungtamvh.thutruong', 'Điêu Thị Hạnh',          ARRAY['unit_head']),
    (41, 'ban-tuyen-giao',          'tuyengiao.canbo',      'Ngô Thị Bích',           ARRAY['unit_clerk']),
    (42, 'ban-tuyen-giao',          'tuyengiao.thutruong',  'Giàng A Páo',            ARRAY['unit_head']),
    (43, 'mttq-huyen',              'mttq.canbo',           'Vừ Thị Dung',            ARRAY['unit_clerk']),
    (44, 'mttq-huyen',              'mttq.thutruong',       'Vừ A Chống',             ARRAY['unit_head', 'council_member']),
    (45, 'hoi-nong-dan',            'hoinongdan.canbo',     'Chang Thị Dở',           ARRAY['unit_clerk']),
    (46, 'hoi-nong-dan',            'hoinongdan.thutruong', 'Chang A Vàng',           ARRAY['unit_head']),

    -- Phòng Nội vụ as the council's standing body (Cơ quan Thường trực HĐTĐKT)
    (47, 'phong-noi-vu',            'noivu.thuky',          'Đỗ Thị Ngọc Ánh',        ARRAY['secretariat']),
    (48, 'phong-noi-vu',            'noivu.chuyenvien',     'Lò Văn Thành',           ARRAY['secretariat']),

    -- Lực lượng vũ trang: one clerk and the head of each
    (49, 'cong-an-huyen',           'congan.canbo',         'Nguyễn Thị Thảo',        ARRAY['unit_clerk']),
    (50, 'cong-an-huyen',           'congan.thutruong',     'Trần Quốc Hưng',         ARRAY['unit_head']),
    (51, 'ban-chqs-huyen',          'quansu.canbo',         'Hoàng Minh Đức',         ARRAY['unit_clerk']),
    (52, 'ban-chqs-huyen',          'quansu.thutruong',     'Đinh Văn Long',          ARRAY['unit_head']),

    -- Hội đồng Thi đua - Khen thưởng huyện
    (53, 'hoi-dong-tdkt',           'chutich.huyen',        'Mùa A Vảng',             ARRAY['chairman']),
    (54, 'hoi-dong-tdkt',           'phochutich.huyen',     'Lò Thị Luyến',           ARRAY['council_member']),
    (55, 'hoi-dong-tdkt',           'hoidong.tv1',          'Nguyễn Thị Kim Oanh',    ARRAY['council_member']),
    (56, 'hoi-dong-tdkt',           'hoidong.tv2',          'Hạng A Dơ',              ARRAY['council_member']),
    (57, 'hoi-dong-tdkt',           'hoidong.tv3',          'Lý Văn Chung',           ARRAY['council_member']),

    -- Oversight
    (58, 'hoi-dong-tdkt',           'thanhtra',             'Phạm Thị Thu Trang',     ARRAY['auditor']),
    (59, 'hoi-dong-tdkt',           'quantri',              'Đào Minh Khôi',          ARRAY['admin'])
),
created AS (
    INSERT INTO thidua.users (unit_id, username, full_name, password_hash)
    SELECT (SELECT u.id FROM thidua.units u WHERE u.area_id = 'dien-bien/tua-chua' AND u.code = p.unit_code),
           p.username, p.full_name, public.crypt('thidua-demo', public.gen_salt('bf', 8))
    FROM people p
    ORDER BY p.ord
    RETURNING id, username
)
INSERT INTO thidua.role_grants (user_id, role, granted_by)
SELECT c.id, r.role, NULL
FROM people p
JOIN created c ON c.username = p.username
CROSS JOIN LATERAL unnest(p.roles) WITH ORDINALITY AS r (role, n)
ORDER BY p.ord, r.n;
