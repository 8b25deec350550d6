"""Bench file 14: a small module, one of twenty fetched through [files]."""

NAME = "bench_f14"
TABLE = [
    (0, "row 0 of file 14", 0),
    (1, "row 1 of file 14", 14),
    (2, "row 2 of file 14", 28),
    (3, "row 3 of file 14", 42),
    (4, "row 4 of file 14", 56),
    (5, "row 5 of file 14", 70),
    (6, "row 6 of file 14", 84),
    (7, "row 7 of file 14", 98),
    (8, "row 8 of file 14", 112),
    (9, "row 9 of file 14", 126),
    (10, "row 10 of file 14", 140),
    (11, "row 11 of file 14", 154),
    (12, "row 12 of file 14", 168),
    (13, "row 13 of file 14", 182),
    (14, "row 14 of file 14", 196),
    (15, "row 15 of file 14", 210),
    (16, "row 16 of file 14", 224),
    (17, "row 17 of file 14", 238),
    (18, "row 18 of file 14", 252),
    (19, "row 19 of file 14", 266),
    (20, "row 20 of file 14", 280),
    (21, "row 21 of file 14", 294),
    (22, "row 22 of file 14", 308),
    (23, "row 23 of file 14", 322),
    (24, "row 24 of file 14", 336),
    (25, "row 25 of file 14", 350),
    (26, "row 26 of file 14", 364),
    (27, "row 27 of file 14", 378),
    (28, "row 28 of file 14", 392),
    (29, "row 29 of file 14", 406),
    (30, "row 30 of file 14", 420),
    (31, "row 31 of file 14", 434),
    (32, "row 32 of file 14", 448),
    (33, "row 33 of file 14", 462),
    (34, "row 34 of file 14", 476),
    (35, "row 35 of file 14", 490),
    (36, "row 36 of file 14", 504),
    (37, "row 37 of file 14", 518),
    (38, "row 38 of file 14", 532),
    (39, "row 39 of file 14", 546),
]


def total():
    return sum(row[2] for row in TABLE)
