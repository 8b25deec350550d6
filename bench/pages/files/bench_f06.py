"""Bench file 06: a small module, one of twenty fetched through [files]."""

NAME = "bench_f06"
TABLE = [
    (0, "row 0 of file 06", 0),
    (1, "row 1 of file 06", 6),
    (2, "row 2 of file 06", 12),
    (3, "row 3 of file 06", 18),
    (4, "row 4 of file 06", 24),
    (5, "row 5 of file 06", 30),
    (6, "row 6 of file 06", 36),
    (7, "row 7 of file 06", 42),
    (8, "row 8 of file 06", 48),
    (9, "row 9 of file 06", 54),
    (10, "row 10 of file 06", 60),
    (11, "row 11 of file 06", 66),
    (12, "row 12 of file 06", 72),
    (13, "row 13 of file 06", 78),
    (14, "row 14 of file 06", 84),
    (15, "row 15 of file 06", 90),
    (16, "row 16 of file 06", 96),
    (17, "row 17 of file 06", 102),
    (18, "row 18 of file 06", 108),
    (19, "row 19 of file 06", 114),
    (20, "row 20 of file 06", 120),
    (21, "row 21 of file 06", 126),
    (22, "row 22 of file 06", 132),
    (23, "row 23 of file 06", 138),
    (24, "row 24 of file 06", 144),
    (25, "row 25 of file 06", 150),
    (26, "row 26 of file 06", 156),
    (27, "row 27 of file 06", 162),
    (28, "row 28 of file 06", 168),
    (29, "row 29 of file 06", 174),
    (30, "row 30 of file 06", 180),
    (31, "row 31 of file 06", 186),
    (32, "row 32 of file 06", 192),
    (33, "row 33 of file 06", 198),
    (34, "row 34 of file 06", 204),
    (35, "row 35 of file 06", 210),
    (36, "row 36 of file 06", 216),
    (37, "row 37 of file 06", 222),
    (38, "row 38 of file 06", 228),
    (39, "row 39 of file 06", 234),
]


def total():
    return sum(row[2] for row in TABLE)
