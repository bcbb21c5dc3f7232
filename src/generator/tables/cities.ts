/**
 * Cities where generated sites are placed: mostly the European ones the ENTICE federation spans,
 * a few beyond. Countries are ISO 3166-1 alpha-2 codes that values.ttl has a jurisdiction for.
 */
export interface City {
  readonly name: string;
  readonly country: string;
  readonly region: string;
  readonly latitude: number;
  readonly longitude: number;
}

const city = (name: string, country: string, region: string, latitude: number, longitude: number): City => ({
  name,
  country,
  region,
  latitude,
  longitude,
});

/** European cities, first: ENTICE's partners (Innsbruck, Budapest, Ljubljana) lead the list. */
export const europeanCities: readonly City[] = [
  city('Innsbruck', 'AT', 'Tyrol', 47.2692, 11.4041),
  city('Budapest', 'HU', 'Central Hungary', 47.4979, 19.0402),
  city('Ljubljana', 'SI', 'Central Slovenia', 46.0569, 14.5058),
  city('Vienna', 'AT', 'Vienna', 48.2082, 16.3738),
  city('Frankfurt', 'DE', 'Hesse', 50.1109, 8.6821),
  city('Berlin', 'DE', 'Berlin', 52.52, 13.405),
  city('Munich', 'DE', 'Bavaria', 48.1351, 11.582),
  city('Amsterdam', 'NL', 'North Holland', 52.3676, 4.9041),
  city('Brussels', 'BE', 'Brussels-Capital', 50.8503, 4.3517),
  city('Paris', 'FR', 'Ile-de-France', 48.8566, 2.3522),
  city('Marseille', 'FR', "Provence-Alpes-Cote d'Azur", 43.2965, 5.3698),
  city('Madrid', 'ES', 'Community of Madrid', 40.4168, -3.7038),
  city('Barcelona', 'ES', 'Catalonia', 41.3874, 2.1686),
  city('Lisbon', 'PT', 'Lisbon', 38.7223, -9.1393),
  city('Milan', 'IT', 'Lombardy', 45.4642, 9.19),
  city('Rome', 'IT', 'Lazio', 41.9028, 12.4964),
  city('Dublin', 'IE', 'Leinster', 53.3498, -6.2603),
  city('Stockholm', 'SE', 'Stockholm', 59.3293, 18.0686),
  city('Helsinki', 'FI', 'Uusimaa', 60.1699, 24.9384),
  city('Copenhagen', 'DK', 'Capital Region', 55.6761, 12.5683),
  city('Warsaw', 'PL', 'Masovia', 52.2297, 21.0122),
  city('Prague', 'CZ', 'Prague', 50.0755, 14.4378),
  city('Bratislava', 'SK', 'Bratislava', 48.1486, 17.1077),
  city('Zagreb', 'HR', 'City of Zagreb', 45.815, 15.9819),
  city('Bucharest', 'RO', 'Bucharest', 44.4268, 26.1025),
  city('Sofia', 'BG', 'Sofia City', 42.6977, 23.3219),
  city('Athens', 'GR', 'Attica', 37.9838, 23.7275),
  city('Tallinn', 'EE', 'Harju', 59.437, 24.7536),
  city('Riga', 'LV', 'Riga', 56.9496, 24.1052),
  city('Vilnius', 'LT', 'Vilnius', 54.6872, 25.2797),
  city('Luxembourg', 'LU', 'Luxembourg', 49.6116, 6.1319),
  city('Oslo', 'NO', 'Oslo', 59.9139, 10.7522),
  city('Zurich', 'CH', 'Zurich', 47.3769, 8.5417),
  city('London', 'GB', 'England', 51.5072, -0.1276),
];

/** Cities beyond Europe, for the minority of sites outside it. */
export const worldCities: readonly City[] = [
  city('Ashburn', 'US', 'Virginia', 39.0438, -77.4874),
  city('Portland', 'US', 'Oregon', 45.5152, -122.6784),
  city('Montreal', 'CA', 'Quebec', 45.5019, -73.5674),
  city('Tel Aviv', 'IL', 'Tel Aviv District', 32.0853, 34.7818),
  city('Tokyo', 'JP', 'Kanto', 35.6762, 139.6503),
  city('Seoul', 'KR', 'Seoul', 37.5665, 126.978),
  city('Singapore', 'SG', 'Singapore', 1.3521, 103.8198),
  city('Mumbai', 'IN', 'Maharashtra', 19.076, 72.8777),
  city('Sydney', 'AU', 'New South Wales', -33.8688, 151.2093),
  city('Sao Paulo', 'BR', 'Sao Paulo', -23.5558, -46.6396),
];

/** Great-circle distance in kilometres. */
export function distanceKm(a: City, b: City): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
