"""Bench file 12: a small module, one of twenty fetched through [files]."""

NAME = "bench_f12"
TABLE = [
    (0, "row 0 of file 12", 0),
    (1, "row 1 of file 12", 12),
    (2, "row 2 of file 12", 24),
    (3, "row 3 of file 12", 36),
    (4, "row 4 of file 12", 48),
    (5, "row 5 of file 12", 60),
    (6, "row 6 of file 12", 72),
    (7, "row 7 of file 12", 84),
    (8, "row 8 of file 12", 96),
    (9, "row 9 of file 12", 108),
    (10, "row 10 of file 12", 120),
    (11, "row 11 of file 12", 132),
    (12, "row 12 of file 12", 144),
    (13, "row 13 of file 12", 156),
    (14, "row 14 of file 12", 168),
    (15, "row 15 of file 12", 180),
    (16, "row 16 of file 12", 192),
    (17, "row 17 of file 12", 204),
    (18, "row 18 of file 12", 216),
    (19, "row 19 of file 12", 228),
    (20, "row 20 of file 12", 240),
    (21, "row 21 of file 12", 252),
    (22, "row 22 of file 12", 264),
    (23, "row 23 of file 12", 276),
    (24, "row 24 of file 12", 288),
    (25, "row 25 of file 12", 300),
    (26, "row 26 of file 12", 312),
    (27, "row 27 of file 12", 324),
    (28, "row 28 of file 12", 336),
    (29, "row 29 of file 12", 348),
    (30, "row 30 of file 12", 360),
    (31, "row 31 of file 12", 372),
    (32, "row 32 of file 12", 384),
    (33, "row 33 of file 12", 396),
    (34, "row 34 of file 12", 408),
    (35, "row 35 of file 12", 420),
    (36, "row 36 of file 12", 432),
    (37, "row 37 of file 12", 444),
    (38, "row 38 of file 12", 456),
    (39, "row 39 of file 12", 468),
]


def total():
    return sum(row[2] for row in TABLE)
