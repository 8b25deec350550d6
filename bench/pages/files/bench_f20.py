"""Bench file 20: a small module, one of twenty fetched through [files]."""

NAME = "bench_f20"
TABLE = [
    (0, "row 0 of file 20", 0),
    (1, "row 1 of file 20", 20),
    (2, "row 2 of file 20", 40),
    (3, "row 3 of file 20", 60),
    (4, "row 4 of file 20", 80),
    (5, "row 5 of file 20", 100),
    (6, "row 6 of file 20", 120),
    (7, "row 7 of file 20", 140),
    (8, "row 8 of file 20", 160),
    (9, "row 9 of file 20", 180),
    (10, "row 10 of file 20", 200),
    (11, "row 11 of file 20", 220),
    (12, "row 12 of file 20", 240),
    (13, "row 13 of file 20", 260),
    (14, "row 14 of file 20", 280),
    (15, "row 15 of file 20", 300),
    (16, "row 16 of file 20", 320),
    (17, "row 17 of file 20", 340),
    (18, "row 18 of file 20", 360),
    (19, "row 19 of file 20", 380),
    (20, "row 20 of file 20", 400),
    (21, "row 21 of file 20", 420),
    (22, "row 22 of file 20", 440),
    (23, "row 23 of file 20", 460),
    (24, "row 24 of file 20", 480),
    (25, "row 25 of file 20", 500),
    (26, "row 26 of file 20", 520),
    (27, "row 27 of file 20", 540),
    (28, "row 28 of file 20", 560),
    (29, "row 29 of file 20", 580),
    (30, "row 30 of file 20", 600),
    (31, "row 31 of file 20", 620),
    (32, "row 32 of file 20", 640),
    (33, "row 33 of file 20", 660),
    (34, "row 34 of file 20", 680),
    (35, "row 35 of file 20", 700),
    (36, "row 36 of file 20", 720),
    (37, "row 37 of file 20", 740),
    (38, "row 38 of file 20", 760),
    (39, "row 39 of file 20", 780),
]


def total():
    return sum(row[2] for row in TABLE)
