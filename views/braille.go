package views

import "github.com/gdamore/tcell/v2"

// canvas is a grid of braille cells for the charts. Each cell holds two
// columns of four dots, so a w×h cell area is a 2w×4h dot area, and a
// line drawn on it is four times as smooth vertically as one drawn with
// whole characters. Each cell remembers the last series drawn into it, and
// takes that series' style.
type canvas struct {
	w, h  int
	dots  []uint8
	owner []int
}

// newCanvas returns an empty canvas of w×h cells.
func newCanvas(w, h int) *canvas {
	c := &canvas{w: max(w, 0), h: max(h, 0)}
	c.dots = make([]uint8, c.w*c.h)
	c.owner = make([]int, c.w*c.h)
	for i := range c.owner {
		c.owner[i] = -1
	}
	return c
}

// dotW and dotH are the canvas size in dots.
func (c *canvas) dotW() int { return 2 * c.w }
func (c *canvas) dotH() int { return 4 * c.h }

// brailleBit is the bit of the dot at row, col of a braille cell: Unicode
// numbers the dots 1-2-3 down the left and 4-5-6 down the right, and adds
// 7 and 8 as a fourth row.
func brailleBit(row, col int) uint8 {
	if row == 3 {
		return 0x40 << col
	}
	return 1 << (row + 3*col)
}

// set turns on the dot at x, y (dots from the top left) for series;
// dots outside the canvas are ignored.
func (c *canvas) set(x, y, series int) {
	if x < 0 || y < 0 || x >= c.dotW() || y >= c.dotH() {
		return
	}
	k := (y/4)*c.w + x/2
	c.dots[k] |= brailleBit(y%4, x%2)
	c.owner[k] = series
}

// line draws a straight line of dots from x0, y0 to x1, y1 (Bresenham).
func (c *canvas) line(x0, y0, x1, y1, series int) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	e := dx + dy
	for n := 0; n <= 4*(c.dotW()+c.dotH())+8; n++ {
		c.set(x0, y0, series)
		if x0 == x1 && y0 == y1 {
			return
		}
		if e2 := 2 * e; e2 >= dy {
			e += dy
			x0 += sx
		}
		if e2 := 2 * e; e2 <= dx {
			e += dx
			y0 += sy
		}
	}
}

// used reports whether any dot of the cell at col, row is on.
func (c *canvas) used(col, row int) bool {
	return col >= 0 && row >= 0 && col < c.w && row < c.h && c.dots[row*c.w+col] != 0
}

// draw puts the canvas on the screen with its top left cell at x, y;
// empty cells are left as they are, so what is under them shows.
func (c *canvas) draw(screen tcell.Screen, x, y int, style func(series int) tcell.Style) {
	for row := 0; row < c.h; row++ {
		for col := 0; col < c.w; col++ {
			k := row*c.w + col
			if c.dots[k] == 0 {
				continue
			}
			screen.SetContent(x+col, y+row, rune(0x2800+int(c.dots[k])), nil, style(c.owner[k]))
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
