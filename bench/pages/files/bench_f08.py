"""Bench file 08: a small module, one of twenty fetched through [files]."""

NAME = "bench_f08"
TABLE = [
    (0, "row 0 of file 08", 0),
    (1, "row 1 of file 08", 8),
    (2, "row 2 of file 08", 16),
    (3, "row 3 of file 08", 24),
    (4, "row 4 of file 08", 32),
    (5, "row 5 of file 08", 40),
    (6, "row 6 of file 08", 48),
    (7, "row 7 of file 08", 56),
    (8, "row 8 of file 08", 64),
    (9, "row 9 of file 08", 72),
    (10, "row 10 of file 08", 80),
    (11, "row 11 of file 08", 88),
    (12, "row 12 of file 08", 96),
    (13, "row 13 of file 08", 104),
    (14, "row 14 of file 08", 112),
    (15, "row 15 of file 08", 120),
    (16, "row 16 of file 08", 128),
    (17, "row 17 of file 08", 136),
    (18, "row 18 of file 08", 144),
    (19, "row 19 of file 08", 152),
    (20, "row 20 of file 08", 160),
    (21, "row 21 of file 08", 168),
    (22, "row 22 of file 08", 176),
    (23, "row 23 of file 08", 184),
    (24, "row 24 of file 08", 192),
    (25, "row 25 of file 08", 200),
    (26, "row 26 of file 08", 208),
    (27, "row 27 of file 08", 216),
    (28, "row 28 of file 08", 224),
    (29, "row 29 of file 08", 232),
    (30, "row 30 of file 08", 240),
    (31, "row 31 of file 08", 248),
    (32, "row 32 of file 08", 256),
    (33, "row 33 of file 08", 264),
    (34, "row 34 of file 08", 272),
    (35, "row 35 of file 08", 280),
    (36, "row 36 of file 08", 288),
    (37, "row 37 of file 08", 296),
    (38, "row 38 of file 08", 304),
    (39, "row 39 of file 08", 312),
]


def total():
    return sum(row[2] for row in TABLE)
