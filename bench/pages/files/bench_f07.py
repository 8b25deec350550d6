"""Bench file 07: a small module, one of twenty fetched through [files]."""

NAME = "bench_f07"
TABLE = [
    (0, "row 0 of file 07", 0),
    (1, "row 1 of file 07", 7),
    (2, "row 2 of file 07", 14),
    (3, "row 3 of file 07", 21),
    (4, "row 4 of file 07", 28),
    (5, "row 5 of file 07", 35),
    (6, "row 6 of file 07", 42),
    (7, "row 7 of file 07", 49),
    (8, "row 8 of file 07", 56),
    (9, "row 9 of file 07", 63),
    (10, "row 10 of file 07", 70),
    (11, "row 11 of file 07", 77),
    (12, "row 12 of file 07", 84),
    (13, "row 13 of file 07", 91),
    (14, "row 14 of file 07", 98),
    (15, "row 15 of file 07", 105),
    (16, "row 16 of file 07", 112),
    (17, "row 17 of file 07", 119),
    (18, "row 18 of file 07", 126),
    (19, "row 19 of file 07", 133),
    (20, "row 20 of file 07", 140),
    (21, "row 21 of file 07", 147),
    (22, "row 22 of file 07", 154),
    (23, "row 23 of file 07", 161),
    (24, "row 24 of file 07", 168),
    (25, "row 25 of file 07", 175),
    (26, "row 26 of file 07", 182),
    (27, "row 27 of file 07", 189),
    (28, "row 28 of file 07", 196),
    (29, "row 29 of file 07", 203),
    (30, "row 30 of file 07", 210),
    (31, "row 31 of file 07", 217),
    (32, "row 32 of file 07", 224),
    (33, "row 33 of file 07", 231),
    (34, "row 34 of file 07", 238),
    (35, "row 35 of file 07", 245),
    (36, "row 36 of file 07", 252),
    (37, "row 37 of file 07", 259),
    (38, "row 38 of file 07", 266),
    (39, "row 39 of file 07", 273),
]


def total():
    return sum(row[2] for row in TABLE)
