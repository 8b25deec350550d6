"""Bench file 09: a small module, one of twenty fetched through [files]."""

NAME = "bench_f09"
TABLE = [
    (0, "row 0 of file 09", 0),
    (1, "row 1 of file 09", 9),
    (2, "row 2 of file 09", 18),
    (3, "row 3 of file 09", 27),
    (4, "row 4 of file 09", 36),
    (5, "row 5 of file 09", 45),
    (6, "row 6 of file 09", 54),
    (7, "row 7 of file 09", 63),
    (8, "row 8 of file 09", 72),
    (9, "row 9 of file 09", 81),
    (10, "row 10 of file 09", 90),
    (11, "row 11 of file 09", 99),
    (12, "row 12 of file 09", 108),
    (13, "row 13 of file 09", 117),
    (14, "row 14 of file 09", 126),
    (15, "row 15 of file 09", 135),
    (16, "row 16 of file 09", 144),
    (17, "row 17 of file 09", 153),
    (18, "row 18 of file 09", 162),
    (19, "row 19 of file 09", 171),
    (20, "row 20 of file 09", 180),
    (21, "row 21 of file 09", 189),
    (22, "row 22 of file 09", 198),
    (23, "row 23 of file 09", 207),
    (24, "row 24 of file 09", 216),
    (25, "row 25 of file 09", 225),
    (26, "row 26 of file 09", 234),
    (27, "row 27 of file 09", 243),
    (28, "row 28 of file 09", 252),
    (29, "row 29 of file 09", 261),
    (30, "row 30 of file 09", 270),
    (31, "row 31 of file 09", 279),
    (32, "row 32 of file 09", 288),
    (33, "row 33 of file 09", 297),
    (34, "row 34 of file 09", 306),
    (35, "row 35 of file 09", 315),
    (36, "row 36 of file 09", 324),
    (37, "row 37 of file 09", 333),
    (38, "row 38 of file 09", 342),
    (39, "row 39 of file 09", 351),
]


def total():
    return sum(row[2] for row in TABLE)
