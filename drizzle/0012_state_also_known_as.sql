-- States' other English names (world-countries altSpellings: UK, DPRK, Burma, Holy See (Vatican City State)), filled by
-- the States dataset import; State lookup and the search box find a State by them. Existing installs get them at the
-- next start, when the seed re-imports the changed datasets/reference/states.json.
ALTER TABLE "states" ADD COLUMN "also_known_as" text[] DEFAULT '{}'::text[] NOT NULL;
