#!/usr/bin/env python3
"""Coefficients of PhaseMath (simulator/src/main/java/io/github/qrerank/quantum/PhaseMath.java).

Minimax polynomials for sin and cos on [-pi/4, pi/4] by a Remez exchange in 60-digit arithmetic
(needs mpmath: apt-get install python3-mpmath, or pip install mpmath), in z = h^2:

    sin h = h + h z P(z),  P of degree 5  (sin of degree 13), minimising max |z (P - P*)|,
    cos h = 1 + z Q(z),    Q of degree 6  (cos of degree 14), minimising max |z (Q - Q*)|,

where P* = (sin h / h - 1) / z and Q* = (cos h - 1) / z; the weight z makes the minimised
quantity the absolute error of sin h / h and of cos h. Prints each coefficient rounded to the
nearest double as a Java hex literal, the largest approximation error of the rounded polynomial
on a fine grid, and the reduction constants 2/pi and pi/2 = P1 + P2.

    python3 simulator/tools/phase_minimax.py
"""
import mpmath as mp

mp.mp.dps = 60
EDGE = mp.pi / 4
GRID = 4000


def exact(kind, z):
    """P* or Q* at z > 0."""
    h = mp.sqrt(z)
    if kind == "sin":
        return (mp.sin(h) / h - 1) / z
    return (mp.cos(h) - 1) / z


def weighted_error(kind, coefficients, z):
    return z * (mp.polyval(coefficients[::-1], z) - exact(kind, z))


def alternating_extrema(kind, coefficients, count):
    """The grid's local extrema of the weighted error, merged to alternate in sign."""
    top = EDGE * EDGE
    grid = [top * (1 - mp.cos(mp.pi * k / GRID)) / 2 for k in range(1, GRID + 1)]
    values = [weighted_error(kind, coefficients, z) for z in grid]
    peaks = []
    for k, v in enumerate(values):
        left = values[k - 1] if k > 0 else None
        right = values[k + 1] if k + 1 < len(values) else None
        if (left is None or abs(v) >= abs(left)) and (right is None or abs(v) >= abs(right)):
            if peaks and mp.sign(peaks[-1][1]) == mp.sign(v):
                if abs(v) > abs(peaks[-1][1]):
                    peaks[-1] = (grid[k], v)
            else:
                peaks.append((grid[k], v))
    while len(peaks) > count:
        peaks.pop(0 if abs(peaks[0][1]) < abs(peaks[-1][1]) else -1)
    return peaks, max(abs(v) for v in values)


def remez(kind, degree, rounds=25):
    count = degree + 2
    top = EDGE * EDGE
    reference = [top * (1 - mp.cos(mp.pi * (i + 0.5) / count)) / 2 for i in range(count)]
    coefficients = None
    for _ in range(rounds):
        # sum_j c_j z^j - f(z) = (-1)^i E / z at every reference point
        a = mp.matrix(count, count)
        b = mp.matrix(count, 1)
        for i, z in enumerate(reference):
            for j in range(degree + 1):
                a[i, j] = z ** j
            a[i, degree + 1] = (-1) ** i / z
            b[i] = exact(kind, z)
        solution = mp.lu_solve(a, b)
        coefficients = [solution[j] for j in range(degree + 1)]
        peaks, _ = alternating_extrema(kind, coefficients, count)
        if len(peaks) < count:
            break
        reference = [z for z, _ in peaks]
    return coefficients


def rounded_error(kind, coefficients):
    doubles = [mp.mpf(float(c)) for c in coefficients]
    _, worst = alternating_extrema(kind, doubles, len(doubles) + 2)
    return worst


def split(value):
    first = float(value)
    return first, float(value - mp.mpf(first))


def main():
    for kind, degree, names in (("sin", 5, "S"), ("cos", 6, "C")):
        coefficients = remez(kind, degree)
        print(f"// {kind}: largest |error| of the rounded polynomial {mp.nstr(rounded_error(kind, coefficients), 3)}")
        for j, c in enumerate(coefficients):
            print(f"static final double {names}{j} = {float(c).hex()}; // {mp.nstr(c, 20)}")
    print(f"static final double TWO_OVER_PI = {float(2 / mp.pi).hex()};")
    p1, p2 = split(mp.pi / 2)
    print(f"static final double HALF_PI_1 = {p1.hex()};")
    print(f"static final double HALF_PI_2 = {p2.hex()};")


if __name__ == "__main__":
    main()
