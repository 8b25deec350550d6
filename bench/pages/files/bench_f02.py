"""Bench file 02: a small module, one of twenty fetched through [files]."""

NAME = "bench_f02"
TABLE = [
    (0, "row 0 of file 02", 0),
    (1, "row 1 of file 02", 2),
    (2, "row 2 of file 02", 4),
    (3, "row 3 of file 02", 6),
    (4, "row 4 of file 02", 8),
    (5, "row 5 of file 02", 10),
    (6, "row 6 of file 02", 12),
    (7, "row 7 of file 02", 14),
    (8, "row 8 of file 02", 16),
    (9, "row 9 of file 02", 18),
    (10, "row 10 of file 02", 20),
    (11, "row 11 of file 02", 22),
    (12, "row 12 of file 02", 24),
    (13, "row 13 of file 02", 26),
    (14, "row 14 of file 02", 28),
    (15, "row 15 of file 02", 30),
    (16, "row 16 of file 02", 32),
    (17, "row 17 of file 02", 34),
    (18, "row 18 of file 02", 36),
    (19, "row 19 of file 02", 38),
    (20, "row 20 of file 02", 40),
    (21, "row 21 of file 02", 42),
    (22, "row 22 of file 02", 44),
    (23, "row 23 of file 02", 46),
    (24, "row 24 of file 02", 48),
    (25, "row 25 of file 02", 50),
    (26, "row 26 of file 02", 52),
    (27, "row 27 of file 02", 54),
    (28, "row 28 of file 02", 56),
    (29, "row 29 of file 02", 58),
    (30, "row 30 of file 02", 60),
    (31, "row 31 of file 02", 62),
    (32, "row 32 of file 02", 64),
    (33, "row 33 of file 02", 66),
    (34, "row 34 of file 02", 68),
    (35, "row 35 of file 02", 70),
    (36, "row 36 of file 02", 72),
    (37, "row 37 of file 02", 74),
    (38, "row 38 of file 02", 76),
    (39, "row 39 of file 02", 78),
]


def total():
    return sum(row[2] for row in TABLE)
