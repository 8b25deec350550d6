"""Bench file 10: a small module, one of twenty fetched through [files]."""

NAME = "bench_f10"
TABLE = [
    (0, "row 0 of file 10", 0),
    (1, "row 1 of file 10", 10),
    (2, "row 2 of file 10", 20),
    (3, "row 3 of file 10", 30),
    (4, "row 4 of file 10", 40),
    (5, "row 5 of file 10", 50),
    (6, "row 6 of file 10", 60),
    (7, "row 7 of file 10", 70),
    (8, "row 8 of file 10", 80),
    (9, "row 9 of file 10", 90),
    (10, "row 10 of file 10", 100),
    (11, "row 11 of file 10", 110),
    (12, "row 12 of file 10", 120),
    (13, "row 13 of file 10", 130),
    (14, "row 14 of file 10", 140),
    (15, "row 15 of file 10", 150),
    (16, "row 16 of file 10", 160),
    (17, "row 17 of file 10", 170),
    (18, "row 18 of file 10", 180),
    (19, "row 19 of file 10", 190),
    (20, "row 20 of file 10", 200),
    (21, "row 21 of file 10", 210),
    (22, "row 22 of file 10", 220),
    (23, "row 23 of file 10", 230),
    (24, "row 24 of file 10", 240),
    (25, "row 25 of file 10", 250),
    (26, "row 26 of file 10", 260),
    (27, "row 27 of file 10", 270),
    (28, "row 28 of file 10", 280),
    (29, "row 29 of file 10", 290),
    (30, "row 30 of file 10", 300),
    (31, "row 31 of file 10", 310),
    (32, "row 32 of file 10", 320),
    (33, "row 33 of file 10", 330),
    (34, "row 34 of file 10", 340),
    (35, "row 35 of file 10", 350),
    (36, "row 36 of file 10", 360),
    (37, "row 37 of file 10", 370),
    (38, "row 38 of file 10", 380),
    (39, "row 39 of file 10", 390),
]


def total():
    return sum(row[2] for row in TABLE)
