"""Bench file 15: a small module, one of twenty fetched through [files]."""

NAME = "bench_f15"
TABLE = [
    (0, "row 0 of file 15", 0),
    (1, "row 1 of file 15", 15),
    (2, "row 2 of file 15", 30),
    (3, "row 3 of file 15", 45),
    (4, "row 4 of file 15", 60),
    (5, "row 5 of file 15", 75),
    (6, "row 6 of file 15", 90),
    (7, "row 7 of file 15", 105),
    (8, "row 8 of file 15", 120),
    (9, "row 9 of file 15", 135),
    (10, "row 10 of file 15", 150),
    (11, "row 11 of file 15", 165),
    (12, "row 12 of file 15", 180),
    (13, "row 13 of file 15", 195),
    (14, "row 14 of file 15", 210),
    (15, "row 15 of file 15", 225),
    (16, "row 16 of file 15", 240),
    (17, "row 17 of file 15", 255),
    (18, "row 18 of file 15", 270),
    (19, "row 19 of file 15", 285),
    (20, "row 20 of file 15", 300),
    (21, "row 21 of file 15", 315),
    (22, "row 22 of file 15", 330),
    (23, "row 23 of file 15", 345),
    (24, "row 24 of file 15", 360),
    (25, "row 25 of file 15", 375),
    (26, "row 26 of file 15", 390),
    (27, "row 27 of file 15", 405),
    (28, "row 28 of file 15", 420),
    (29, "row 29 of file 15", 435),
    (30, "row 30 of file 15", 450),
    (31, "row 31 of file 15", 465),
    (32, "row 32 of file 15", 480),
    (33, "row 33 of file 15", 495),
    (34, "row 34 of file 15", 510),
    (35, "row 35 of file 15", 525),
    (36, "row 36 of file 15", 540),
    (37, "row 37 of file 15", 555),
    (38, "row 38 of file 15", 570),
    (39, "row 39 of file 15", 585),
]


def total():
    return sum(row[2] for row in TABLE)
