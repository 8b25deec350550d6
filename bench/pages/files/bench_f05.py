"""Bench file 05: a small module, one of twenty fetched through [files]."""

NAME = "bench_f05"
TABLE = [
    (0, "row 0 of file 05", 0),
    (1, "row 1 of file 05", 5),
    (2, "row 2 of file 05", 10),
    (3, "row 3 of file 05", 15),
    (4, "row 4 of file 05", 20),
    (5, "row 5 of file 05", 25),
    (6, "row 6 of file 05", 30),
    (7, "row 7 of file 05", 35),
    (8, "row 8 of file 05", 40),
    (9, "row 9 of file 05", 45),
    (10, "row 10 of file 05", 50),
    (11, "row 11 of file 05", 55),
    (12, "row 12 of file 05", 60),
    (13, "row 13 of file 05", 65),
    (14, "row 14 of file 05", 70),
    (15, "row 15 of file 05", 75),
    (16, "row 16 of file 05", 80),
    (17, "row 17 of file 05", 85),
    (18, "row 18 of file 05", 90),
    (19, "row 19 of file 05", 95),
    (20, "row 20 of file 05", 100),
    (21, "row 21 of file 05", 105),
    (22, "row 22 of file 05", 110),
    (23, "row 23 of file 05", 115),
    (24, "row 24 of file 05", 120),
    (25, "row 25 of file 05", 125),
    (26, "row 26 of file 05", 130),
    (27, "row 27 of file 05", 135),
    (28, "row 28 of file 05", 140),
    (29, "row 29 of file 05", 145),
    (30, "row 30 of file 05", 150),
    (31, "row 31 of file 05", 155),
    (32, "row 32 of file 05", 160),
    (33, "row 33 of file 05", 165),
    (34, "row 34 of file 05", 170),
    (35, "row 35 of file 05", 175),
    (36, "row 36 of file 05", 180),
    (37, "row 37 of file 05", 185),
    (38, "row 38 of file 05", 190),
    (39, "row 39 of file 05", 195),
]


def total():
    return sum(row[2] for row in TABLE)
