"""Bench file 01: a small module, one of twenty fetched through [files]."""

NAME = "bench_f01"
TABLE = [
    (0, "row 0 of file 01", 0),
    (1, "row 1 of file 01", 1),
    (2, "row 2 of file 01", 2),
    (3, "row 3 of file 01", 3),
    (4, "row 4 of file 01", 4),
    (5, "row 5 of file 01", 5),
    (6, "row 6 of file 01", 6),
    (7, "row 7 of file 01", 7),
    (8, "row 8 of file 01", 8),
    (9, "row 9 of file 01", 9),
    (10, "row 10 of file 01", 10),
    (11, "row 11 of file 01", 11),
    (12, "row 12 of file 01", 12),
    (13, "row 13 of file 01", 13),
    (14, "row 14 of file 01", 14),
    (15, "row 15 of file 01", 15),
    (16, "row 16 of file 01", 16),
    (17, "row 17 of file 01", 17),
    (18, "row 18 of file 01", 18),
    (19, "row 19 of file 01", 19),
    (20, "row 20 of file 01", 20),
    (21, "row 21 of file 01", 21),
    (22, "row 22 of file 01", 22),
    (23, "row 23 of file 01", 23),
    (24, "row 24 of file 01", 24),
    (25, "row 25 of file 01", 25),
    (26, "row 26 of file 01", 26),
    (27, "row 27 of file 01", 27),
    (28, "row 28 of file 01", 28),
    (29, "row 29 of file 01", 29),
    (30, "row 30 of file 01", 30),
    (31, "row 31 of file 01", 31),
    (32, "row 32 of file 01", 32),
    (33, "row 33 of file 01", 33),
    (34, "row 34 of file 01", 34),
    (35, "row 35 of file 01", 35),
    (36, "row 36 of file 01", 36),
    (37, "row 37 of file 01", 37),
    (38, "row 38 of file 01", 38),
    (39, "row 39 of file 01", 39),
]


def total():
    return sum(row[2] for row in TABLE)
