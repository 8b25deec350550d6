"""Bench file 11: a small module, one of twenty fetched through [files]."""

NAME = "bench_f11"
TABLE = [
    (0, "row 0 of file 11", 0),
    (1, "row 1 of file 11", 11),
    (2, "row 2 of file 11", 22),
    (3, "row 3 of file 11", 33),
    (4, "row 4 of file 11", 44),
    (5, "row 5 of file 11", 55),
    (6, "row 6 of file 11", 66),
    (7, "row 7 of file 11", 77),
    (8, "row 8 of file 11", 88),
    (9, "row 9 of file 11", 99),
    (10, "row 10 of file 11", 110),
    (11, "row 11 of file 11", 121),
    (12, "row 12 of file 11", 132),
    (13, "row 13 of file 11", 143),
    (14, "row 14 of file 11", 154),
    (15, "row 15 of file 11", 165),
    (16, "row 16 of file 11", 176),
    (17, "row 17 of file 11", 187),
    (18, "row 18 of file 11", 198),
    (19, "row 19 of file 11", 209),
    (20, "row 20 of file 11", 220),
    (21, "row 21 of file 11", 231),
    (22, "row 22 of file 11", 242),
    (23, "row 23 of file 11", 253),
    (24, "row 24 of file 11", 264),
    (25, "row 25 of file 11", 275),
    (26, "row 26 of file 11", 286),
    (27, "row 27 of file 11", 297),
    (28, "row 28 of file 11", 308),
    (29, "row 29 of file 11", 319),
    (30, "row 30 of file 11", 330),
    (31, "row 31 of file 11", 341),
    (32, "row 32 of file 11", 352),
    (33, "row 33 of file 11", 363),
    (34, "row 34 of file 11", 374),
    (35, "row 35 of file 11", 385),
    (36, "row 36 of file 11", 396),
    (37, "row 37 of file 11", 407),
    (38, "row 38 of file 11", 418),
    (39, "row 39 of file 11", 429),
]


def total():
    return sum(row[2] for row in TABLE)
