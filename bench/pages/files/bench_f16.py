"""Bench file 16: a small module, one of twenty fetched through [files]."""

NAME = "bench_f16"
TABLE = [
    (0, "row 0 of file 16", 0),
    (1, "row 1 of file 16", 16),
    (2, "row 2 of file 16", 32),
    (3, "row 3 of file 16", 48),
    (4, "row 4 of file 16", 64),
    (5, "row 5 of file 16", 80),
    (6, "row 6 of file 16", 96),
    (7, "row 7 of file 16", 112),
    (8, "row 8 of file 16", 128),
    (9, "row 9 of file 16", 144),
    (10, "row 10 of file 16", 160),
    (11, "row 11 of file 16", 176),
    (12, "row 12 of file 16", 192),
    (13, "row 13 of file 16", 208),
    (14, "row 14 of file 16", 224),
    (15, "row 15 of file 16", 240),
    (16, "row 16 of file 16", 256),
    (17, "row 17 of file 16", 272),
    (18, "row 18 of file 16", 288),
    (19, "row 19 of file 16", 304),
    (20, "row 20 of file 16", 320),
    (21, "row 21 of file 16", 336),
    (22, "row 22 of file 16", 352),
    (23, "row 23 of file 16", 368),
    (24, "row 24 of file 16", 384),
    (25, "row 25 of file 16", 400),
    (26, "row 26 of file 16", 416),
    (27, "row 27 of file 16", 432),
    (28, "row 28 of file 16", 448),
    (29, "row 29 of file 16", 464),
    (30, "row 30 of file 16", 480),
    (31, "row 31 of file 16", 496),
    (32, "row 32 of file 16", 512),
    (33, "row 33 of file 16", 528),
    (34, "row 34 of file 16", 544),
    (35, "row 35 of file 16", 560),
    (36, "row 36 of file 16", 576),
    (37, "row 37 of file 16", 592),
    (38, "row 38 of file 16", 608),
    (39, "row 39 of file 16", 624),
]


def total():
    return sum(row[2] for row in TABLE)
