"""Bench file 17: a small module, one of twenty fetched through [files]."""

NAME = "bench_f17"
TABLE = [
    (0, "row 0 of file 17", 0),
    (1, "row 1 of file 17", 17),
    (2, "row 2 of file 17", 34),
    (3, "row 3 of file 17", 51),
    (4, "row 4 of file 17", 68),
    (5, "row 5 of file 17", 85),
    (6, "row 6 of file 17", 102),
    (7, "row 7 of file 17", 119),
    (8, "row 8 of file 17", 136),
    (9, "row 9 of file 17", 153),
    (10, "row 10 of file 17", 170),
    (11, "row 11 of file 17", 187),
    (12, "row 12 of file 17", 204),
    (13, "row 13 of file 17", 221),
    (14, "row 14 of file 17", 238),
    (15, "row 15 of file 17", 255),
    (16, "row 16 of file 17", 272),
    (17, "row 17 of file 17", 289),
    (18, "row 18 of file 17", 306),
    (19, "row 19 of file 17", 323),
    (20, "row 20 of file 17", 340),
    (21, "row 21 of file 17", 357),
    (22, "row 22 of file 17", 374),
    (23, "row 23 of file 17", 391),
    (24, "row 24 of file 17", 408),
    (25, "row 25 of file 17", 425),
    (26, "row 26 of file 17", 442),
    (27, "row 27 of file 17", 459),
    (28, "row 28 of file 17", 476),
    (29, "row 29 of file 17", 493),
    (30, "row 30 of file 17", 510),
    (31, "row 31 of file 17", 527),
    (32, "row 32 of file 17", 544),
    (33, "row 33 of file 17", 561),
    (34, "row 34 of file 17", 578),
    (35, "row 35 of file 17", 595),
    (36, "row 36 of file 17", 612),
    (37, "row 37 of file 17", 629),
    (38, "row 38 of file 17", 646),
    (39, "row 39 of file 17", 663),
]


def total():
    return sum(row[2] for row in TABLE)
