"""Bench file 13: a small module, one of twenty fetched through [files]."""

NAME = "bench_f13"
TABLE = [
    (0, "row 0 of file 13", 0),
    (1, "row 1 of file 13", 13),
    (2, "row 2 of file 13", 26),
    (3, "row 3 of file 13", 39),
    (4, "row 4 of file 13", 52),
    (5, "row 5 of file 13", 65),
    (6, "row 6 of file 13", 78),
    (7, "row 7 of file 13", 91),
    (8, "row 8 of file 13", 104),
    (9, "row 9 of file 13", 117),
    (10, "row 10 of file 13", 130),
    (11, "row 11 of file 13", 143),
    (12, "row 12 of file 13", 156),
    (13, "row 13 of file 13", 169),
    (14, "row 14 of file 13", 182),
    (15, "row 15 of file 13", 195),
    (16, "row 16 of file 13", 208),
    (17, "row 17 of file 13", 221),
    (18, "row 18 of file 13", 234),
    (19, "row 19 of file 13", 247),
    (20, "row 20 of file 13", 260),
    (21, "row 21 of file 13", 273),
    (22, "row 22 of file 13", 286),
    (23, "row 23 of file 13", 299),
    (24, "row 24 of file 13", 312),
    (25, "row 25 of file 13", 325),
    (26, "row 26 of file 13", 338),
    (27, "row 27 of file 13", 351),
    (28, "row 28 of file 13", 364),
    (29, "row 29 of file 13", 377),
    (30, "row 30 of file 13", 390),
    (31, "row 31 of file 13", 403),
    (32, "row 32 of file 13", 416),
    (33, "row 33 of file 13", 429),
    (34, "row 34 of file 13", 442),
    (35, "row 35 of file 13", 455),
    (36, "row 36 of file 13", 468),
    (37, "row 37 of file 13", 481),
    (38, "row 38 of file 13", 494),
    (39, "row 39 of file 13", 507),
]


def total():
    return sum(row[2] for row in TABLE)
