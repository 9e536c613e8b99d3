"""Writes N catalog entries as an import CSV to stdout: realistic field sizes, tags, cast."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
prefix = sys.argv[2] if len(sys.argv) > 2 else "bench"
rng = random.Random(42)
genres = ["drama", "comedy", "thriller", "romance", "horror", "documentary", "family", "action"]
themes = ["romance", "horror", "comedy", "crime", "survival", "family", "adventure"]
people = [f"Actor {i}" for i in range(300)]
print("externalId,kind,parentExternalId,title,synopsis,genres,maturityScheme,maturityValue,"
      "maturityMinimumAge,releaseYear,localizedTitles,cast,tags")
for i in range(n):
    cast = rng.sample(people, 3)
    print(",".join([
        f"{prefix}-{i:05d}", "MOVIE", "",
        f"Title {i} {rng.choice(['of the Night', 'Returns', 'in Paris', 'Forever'])}",
        '"' + "A synopsis with enough words to look like a real one. " * 3 + '"',
        "|".join(rng.sample(genres, 2)), "MPAA", rng.choice(["G", "PG", "PG-13", "R"]),
        str(rng.choice([0, 10, 13, 17])), str(rng.randint(1920, 2025)), f"de=Titel {i}|fr=Titre {i}",
        '"' + "|".join(f"{p};Role {j};{rng.choice(['hero', 'villain', 'supporting'])}"
                       for j, p in enumerate(cast)) + '"',
        "|".join([f"THEME:{rng.choice(themes)}", f"CAST:{cast[0]}"]),
    ]))
