"""Bench file 19: a small module, one of twenty fetched through [files]."""

NAME = "bench_f19"
TABLE = [
    (0, "row 0 of file 19", 0),
    (1, "row 1 of file 19", 19),
    (2, "row 2 of file 19", 38),
    (3, "row 3 of file 19", 57),
    (4, "row 4 of file 19", 76),
    (5, "row 5 of file 19", 95),
    (6, "row 6 of file 19", 114),
    (7, "row 7 of file 19", 133),
    (8, "row 8 of file 19", 152),
    (9, "row 9 of file 19", 171),
    (10, "row 10 of file 19", 190),
    (11, "row 11 of file 19", 209),
    (12, "row 12 of file 19", 228),
    (13, "row 13 of file 19", 247),
    (14, "row 14 of file 19", 266),
    (15, "row 15 of file 19", 285),
    (16, "row 16 of file 19", 304),
    (17, "row 17 of file 19", 323),
    (18, "row 18 of file 19", 342),
    (19, "row 19 of file 19", 361),
    (20, "row 20 of file 19", 380),
    (21, "row 21 of file 19", 399),
    (22, "row 22 of file 19", 418),
    (23, "row 23 of file 19", 437),
    (24, "row 24 of file 19", 456),
    (25, "row 25 of file 19", 475),
    (26, "row 26 of file 19", 494),
    (27, "row 27 of file 19", 513),
    (28, "row 28 of file 19", 532),
    (29, "row 29 of file 19", 551),
    (30, "row 30 of file 19", 570),
    (31, "row 31 of file 19", 589),
    (32, "row 32 of file 19", 608),
    (33, "row 33 of file 19", 627),
    (34, "row 34 of file 19", 646),
    (35, "row 35 of file 19", 665),
    (36, "row 36 of file 19", 684),
    (37, "row 37 of file 19", 703),
    (38, "row 38 of file 19", 722),
    (39, "row 39 of file 19", 741),
]


def total():
    return sum(row[2] for row in TABLE)
