/*
 * geo.h - coordinates and distances.
 *
 * The store keeps one coordinate system: WGS84 latitude/longitude in
 * decimal degrees. Sources that publish Ordnance Survey National Grid
 * eastings/northings (Code-Point Open, GIAS) are converted on import with
 * the transformation the OS publishes in "A guide to coordinate systems in
 * Great Britain": inverse Transverse Mercator on the Airy 1830 ellipsoid
 * to OSGB36 latitude/longitude, then a 7-parameter Helmert transformation
 * to WGS84. Its error is a few metres across Great Britain, well inside
 * the 50 m that lets a GIAS school and its NSPL postcode agree.
 *
 * Distances are great-circle (haversine) on the mean Earth radius, within
 * 0.5% of the ellipsoidal distance anywhere in Great Britain.
 */
#ifndef CAREERS_GEO_H
#define CAREERS_GEO_H

struct geo_point {
	double lat;	/* degrees north, WGS84 */
	double lon;	/* degrees east, WGS84 */
};

/* OS National Grid easting/northing (metres) -> WGS84. */
struct geo_point geo_from_grid(double easting, double northing);
/* WGS84 -> OS National Grid; the inverse of geo_from_grid. */
void geo_to_grid(struct geo_point p, double *easting, double *northing);

/* Great-circle distance in miles. */
double geo_miles(struct geo_point a, struct geo_point b);

/*
 * The same, with each point's geo_cos_lat() worked out beforehand (for many
 * distances from one place); the result is identical to geo_miles().
 */
double geo_cos_lat(struct geo_point p);
double geo_miles_cos(struct geo_point a, double cos_a, struct geo_point b, double cos_b);

/*
 * A latitude/longitude box that contains every point within `miles` of p
 * (for a spatial-index query; filter exactly with geo_miles afterwards).
 */
void geo_box(struct geo_point p, double miles,
	     double *min_lat, double *max_lat, double *min_lon, double *max_lon);

/* True when p is a plausible place in the UK, Channel Islands or Isle of Man. */
int geo_in_uk(struct geo_point p);

#endif
