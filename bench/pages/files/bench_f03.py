"""Bench file 03: a small module, one of twenty fetched through [files]."""

NAME = "bench_f03"
TABLE = [
    (0, "row 0 of file 03", 0),
    (1, "row 1 of file 03", 3),
    (2, "row 2 of file 03", 6),
    (3, "row 3 of file 03", 9),
    (4, "row 4 of file 03", 12),
    (5, "row 5 of file 03", 15),
    (6, "row 6 of file 03", 18),
    (7, "row 7 of file 03", 21),
    (8, "row 8 of file 03", 24),
    (9, "row 9 of file 03", 27),
    (10, "row 10 of file 03", 30),
    (11, "row 11 of file 03", 33),
    (12, "row 12 of file 03", 36),
    (13, "row 13 of file 03", 39),
    (14, "row 14 of file 03", 42),
    (15, "row 15 of file 03", 45),
    (16, "row 16 of file 03", 48),
    (17, "row 17 of file 03", 51),
    (18, "row 18 of file 03", 54),
    (19, "row 19 of file 03", 57),
    (20, "row 20 of file 03", 60),
    (21, "row 21 of file 03", 63),
    (22, "row 22 of file 03", 66),
    (23, "row 23 of file 03", 69),
    (24, "row 24 of file 03", 72),
    (25, "row 25 of file 03", 75),
    (26, "row 26 of file 03", 78),
    (27, "row 27 of file 03", 81),
    (28, "row 28 of file 03", 84),
    (29, "row 29 of file 03", 87),
    (30, "row 30 of file 03", 90),
    (31, "row 31 of file 03", 93),
    (32, "row 32 of file 03", 96),
    (33, "row 33 of file 03", 99),
    (34, "row 34 of file 03", 102),
    (35, "row 35 of file 03", 105),
    (36, "row 36 of file 03", 108),
    (37, "row 37 of file 03", 111),
    (38, "row 38 of file 03", 114),
    (39, "row 39 of file 03", 117),
]


def total():
    return sum(row[2] for row in TABLE)
