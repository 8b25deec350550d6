"""Bench file 04: a small module, one of twenty fetched through [files]."""

NAME = "bench_f04"
TABLE = [
    (0, "row 0 of file 04", 0),
    (1, "row 1 of file 04", 4),
    (2, "row 2 of file 04", 8),
    (3, "row 3 of file 04", 12),
    (4, "row 4 of file 04", 16),
    (5, "row 5 of file 04", 20),
    (6, "row 6 of file 04", 24),
    (7, "row 7 of file 04", 28),
    (8, "row 8 of file 04", 32),
    (9, "row 9 of file 04", 36),
    (10, "row 10 of file 04", 40),
    (11, "row 11 of file 04", 44),
    (12, "row 12 of file 04", 48),
    (13, "row 13 of file 04", 52),
    (14, "row 14 of file 04", 56),
    (15, "row 15 of file 04", 60),
    (16, "row 16 of file 04", 64),
    (17, "row 17 of file 04", 68),
    (18, "row 18 of file 04", 72),
    (19, "row 19 of file 04", 76),
    (20, "row 20 of file 04", 80),
    (21, "row 21 of file 04", 84),
    (22, "row 22 of file 04", 88),
    (23, "row 23 of file 04", 92),
    (24, "row 24 of file 04", 96),
    (25, "row 25 of file 04", 100),
    (26, "row 26 of file 04", 104),
    (27, "row 27 of file 04", 108),
    (28, "row 28 of file 04", 112),
    (29, "row 29 of file 04", 116),
    (30, "row 30 of file 04", 120),
    (31, "row 31 of file 04", 124),
    (32, "row 32 of file 04", 128),
    (33, "row 33 of file 04", 132),
    (34, "row 34 of file 04", 136),
    (35, "row 35 of file 04", 140),
    (36, "row 36 of file 04", 144),
    (37, "row 37 of file 04", 148),
    (38, "row 38 of file 04", 152),
    (39, "row 39 of file 04", 156),
]


def total():
    return sum(row[2] for row in TABLE)
