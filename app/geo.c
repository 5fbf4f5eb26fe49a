/*
 * geo.c - OSGB36 National Grid <-> WGS84, and distances.
 *
 * Formulae and constants are those published by Ordnance Survey ("A guide
 * to coordinate systems in Great Britain", annexes B and C, and the
 * Helmert parameters of section 6.6). Variable names follow the guide
 * (nu, rho, eta2, and the series terms VII..XIIA) so the code can be
 * checked against it line by line.
 */
#include "geo.h"

#include <math.h>

#define DEG (M_PI / 180.0)
#define ARCSEC (M_PI / (180.0 * 3600.0))

/* Airy 1830 ellipsoid and the National Grid projection. */
static const double airy_a = 6377563.396, airy_b = 6356256.909;
static const double grid_f0 = 0.9996012717;
static const double grid_lat0 = 49.0 * DEG, grid_lon0 = -2.0 * DEG;
static const double grid_e0 = 400000.0, grid_n0 = -100000.0;
/* GRS80 / WGS84 ellipsoid. */
static const double wgs_a = 6378137.000, wgs_b = 6356752.3141;

/* Helmert WGS84 -> OSGB36 (metres, ppm, arc-seconds); negated for the reverse. */
static const double helmert_tx = -446.448, helmert_ty = 125.157, helmert_tz = -542.060;
static const double helmert_s_ppm = 20.4894;
static const double helmert_rx = -0.1502, helmert_ry = -0.2470, helmert_rz = -0.8421;

/* Meridional arc from grid_lat0 to lat (the guide's M). */
static double meridional_arc(double lat)
{
	double n = (airy_a - airy_b) / (airy_a + airy_b);
	double n2 = n * n, n3 = n2 * n;
	double dl = lat - grid_lat0, sl = lat + grid_lat0;

	return airy_b * grid_f0 *
	       ((1 + n + 1.25 * n2 + 1.25 * n3) * dl -
		(3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(dl) * cos(sl) +
		(15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * dl) * cos(2 * sl) -
		35.0 / 24 * n3 * sin(3 * dl) * cos(3 * sl));
}

struct cartesian {
	double x, y, z;
};

static struct cartesian to_cartesian(double lat, double lon, double a, double b)
{
	double e2 = 1 - (b * b) / (a * a);
	double nu = a / sqrt(1 - e2 * sin(lat) * sin(lat));
	struct cartesian c = {
		nu * cos(lat) * cos(lon),
		nu * cos(lat) * sin(lon),
		(1 - e2) * nu * sin(lat),
	};

	return c;
}

static void from_cartesian(struct cartesian c, double a, double b, double *lat, double *lon)
{
	double e2 = 1 - (b * b) / (a * a);
	double p = sqrt(c.x * c.x + c.y * c.y);
	double phi = atan2(c.z, p * (1 - e2)), prev;
	int i;

	for (i = 0; i < 10; i++) {
		double nu = a / sqrt(1 - e2 * sin(phi) * sin(phi));

		prev = phi;
		phi = atan2(c.z + e2 * nu * sin(phi), p);
		if (fabs(phi - prev) < 1e-12)
			break;
	}
	*lat = phi;
	*lon = atan2(c.y, c.x);
}

/* sign = +1: WGS84 -> OSGB36 (the published parameters); -1: the reverse. */
static struct cartesian helmert(struct cartesian c, double sign)
{
	double s = 1 + sign * helmert_s_ppm * 1e-6;
	double rx = sign * helmert_rx * ARCSEC, ry = sign * helmert_ry * ARCSEC;
	double rz = sign * helmert_rz * ARCSEC;
	struct cartesian out = {
		sign * helmert_tx + s * c.x - rz * c.y + ry * c.z,
		sign * helmert_ty + rz * c.x + s * c.y - rx * c.z,
		sign * helmert_tz - ry * c.x + rx * c.y + s * c.z,
	};

	return out;
}

struct geo_point geo_from_grid(double easting, double northing)
{
	double e2 = 1 - (airy_b * airy_b) / (airy_a * airy_a);
	double lat = grid_lat0, m = 0, lat_w, lon_w;
	struct geo_point p;
	int i;

	for (i = 0; i < 100 && fabs(northing - grid_n0 - m) >= 1e-5; i++) {
		lat += (northing - grid_n0 - m) / (airy_a * grid_f0);
		m = meridional_arc(lat);
	}

	double s = sin(lat), c = cos(lat), t = tan(lat);
	double t2 = t * t, t4 = t2 * t2, t6 = t4 * t2, sec = 1 / c;
	double nu = airy_a * grid_f0 / sqrt(1 - e2 * s * s);
	double rho = airy_a * grid_f0 * (1 - e2) / pow(1 - e2 * s * s, 1.5);
	double eta2 = nu / rho - 1;
	double nu3 = nu * nu * nu, nu5 = nu3 * nu * nu, nu7 = nu5 * nu * nu;
	double vii = t / (2 * rho * nu);
	double viii = t / (24 * rho * nu3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
	double ix = t / (720 * rho * nu5) * (61 + 90 * t2 + 45 * t4);
	double x = sec / nu;
	double xi = sec / (6 * nu3) * (nu / rho + 2 * t2);
	double xii = sec / (120 * nu5) * (5 + 28 * t2 + 24 * t4);
	double xiia = sec / (5040 * nu7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6);
	double de = easting - grid_e0, de2 = de * de, de3 = de2 * de;
	double de4 = de2 * de2, de5 = de4 * de, de6 = de3 * de3, de7 = de6 * de;
	double lat_osgb = lat - vii * de2 + viii * de4 - ix * de6;
	double lon_osgb = grid_lon0 + x * de - xi * de3 + xii * de5 - xiia * de7;

	from_cartesian(helmert(to_cartesian(lat_osgb, lon_osgb, airy_a, airy_b), -1.0),
		       wgs_a, wgs_b, &lat_w, &lon_w);
	p.lat = lat_w / DEG;
	p.lon = lon_w / DEG;
	return p;
}

void geo_to_grid(struct geo_point p, double *easting, double *northing)
{
	double e2 = 1 - (airy_b * airy_b) / (airy_a * airy_a);
	double lat, lon;

	from_cartesian(helmert(to_cartesian(p.lat * DEG, p.lon * DEG, wgs_a, wgs_b), 1.0),
		       airy_a, airy_b, &lat, &lon);

	double s = sin(lat), c = cos(lat), t = tan(lat);
	double t2 = t * t, t4 = t2 * t2, c3 = c * c * c, c5 = c3 * c * c;
	double nu = airy_a * grid_f0 / sqrt(1 - e2 * s * s);
	double rho = airy_a * grid_f0 * (1 - e2) / pow(1 - e2 * s * s, 1.5);
	double eta2 = nu / rho - 1;
	double i = meridional_arc(lat) + grid_n0;
	double ii = nu / 2 * s * c;
	double iii = nu / 24 * s * c3 * (5 - t2 + 9 * eta2);
	double iiia = nu / 720 * s * c5 * (61 - 58 * t2 + t4);
	double iv = nu * c;
	double v = nu / 6 * c3 * (nu / rho - t2);
	double vi = nu / 120 * c5 * (5 - 18 * t2 + t4 + 14 * eta2 - 58 * t2 * eta2);
	double dl = lon - grid_lon0, dl2 = dl * dl, dl3 = dl2 * dl;

	*northing = i + ii * dl2 + iii * dl2 * dl2 + iiia * dl3 * dl3;
	*easting = grid_e0 + iv * dl + v * dl3 + vi * dl3 * dl2;
}

double geo_cos_lat(struct geo_point p)
{
	return cos(p.lat * DEG);
}

double geo_miles_cos(struct geo_point a, double cos_a, struct geo_point b, double cos_b)
{
	const double earth_radius_miles = 3958.7613;	/* IUGG mean radius, 6371.0088 km */
	double dlat = (b.lat - a.lat) * DEG, dlon = (b.lon - a.lon) * DEG;
	double sin_lat = sin(dlat / 2), sin_lon = sin(dlon / 2);
	double h = sin_lat * sin_lat + cos_a * cos_b * sin_lon * sin_lon;

	if (h > 1)
		h = 1;
	return 2 * earth_radius_miles * asin(sqrt(h));
}

double geo_miles(struct geo_point a, struct geo_point b)
{
	return geo_miles_cos(a, geo_cos_lat(a), b, geo_cos_lat(b));
}

void geo_box(struct geo_point p, double miles,
	     double *min_lat, double *max_lat, double *min_lon, double *max_lon)
{
	/* One degree of latitude is at least 68.7 miles; pad by 1%. */
	double dlat = miles / 68.7 * 1.01;
	double coslat = cos((fabs(p.lat) + dlat) * DEG);
	double dlon = coslat > 0.01 ? dlat / coslat : 180;

	*min_lat = p.lat - dlat;
	*max_lat = p.lat + dlat;
	*min_lon = p.lon - dlon;
	*max_lon = p.lon + dlon;
}

int geo_in_uk(struct geo_point p)
{
	return p.lat >= 49.0 && p.lat <= 61.0 && p.lon >= -8.7 && p.lon <= 2.0;
}
