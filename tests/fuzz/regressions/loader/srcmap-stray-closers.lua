scene "a" { x = 1, end, ) ] until }
