"""Bench file 18: a small module, one of twenty fetched through [files]."""

NAME = "bench_f18"
TABLE = [
    (0, "row 0 of file 18", 0),
    (1, "row 1 of file 18", 18),
    (2, "row 2 of file 18", 36),
    (3, "row 3 of file 18", 54),
    (4, "row 4 of file 18", 72),
    (5, "row 5 of file 18", 90),
    (6, "row 6 of file 18", 108),
    (7, "row 7 of file 18", 126),
    (8, "row 8 of file 18", 144),
    (9, "row 9 of file 18", 162),
    (10, "row 10 of file 18", 180),
    (11, "row 11 of file 18", 198),
    (12, "row 12 of file 18", 216),
    (13, "row 13 of file 18", 234),
    (14, "row 14 of file 18", 252),
    (15, "row 15 of file 18", 270),
    (16, "row 16 of file 18", 288),
    (17, "row 17 of file 18", 306),
    (18, "row 18 of file 18", 324),
    (19, "row 19 of file 18", 342),
    (20, "row 20 of file 18", 360),
    (21, "row 21 of file 18", 378),
    (22, "row 22 of file 18", 396),
    (23, "row 23 of file 18", 414),
    (24, "row 24 of file 18", 432),
    (25, "row 25 of file 18", 450),
    (26, "row 26 of file 18", 468),
    (27, "row 27 of file 18", 486),
    (28, "row 28 of file 18", 504),
    (29, "row 29 of file 18", 522),
    (30, "row 30 of file 18", 540),
    (31, "row 31 of file 18", 558),
    (32, "row 32 of file 18", 576),
    (33, "row 33 of file 18", 594),
    (34, "row 34 of file 18", 612),
    (35, "row 35 of file 18", 630),
    (36, "row 36 of file 18", 648),
    (37, "row 37 of file 18", 666),
    (38, "row 38 of file 18", 684),
    (39, "row 39 of file 18", 702),
]


def total():
    return sum(row[2] for row in TABLE)
