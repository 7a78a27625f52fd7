# Pena — build, test, demo and benchmark. Maven fetches everything the project needs;
# .mvn/maven.config limits DL4J's native downloads to linux-x86_64.
MVN ?= mvn -B
JAVA ?= java
# --add-modules: the JDK's vector API (incubating in Java 17), for the softmax's exponentials.
PENA = $(JAVA) --add-modules jdk.incubator.vector -jar target/pena.jar
SOURCES := $(shell find app/src/main layers/src/main -type f) pom.xml app/pom.xml layers/pom.xml corpora/catalog.tsv

.PHONY: build test demo bench bench-scale bench-live serve clean

build: target/pena.jar

target/pena.jar: $(SOURCES)
	$(MVN) -DskipTests package

# The browser test needs Debian's chromium and chromium-driver: installed here when absent.
test:
	bash scripts/install-chromium.sh
	$(MVN) test

# About 3 minutes of training on Dom Casmurro and Brás Cubas (downloaded on request; offline: on
# the bundled sample, said in one line), printing samples as it learns.
demo: build
	corpus=$$(PENA="$(PENA)" bash scripts/demo-corpus.sh) && \
	$(PENA) train --corpus "$$corpus" --cell lstm --layers 2 --hidden 256 --minutes 3 --out models/demo --force
	$(PENA) sample --model models/demo.zip --length 500 --seed 7

# The classroom page on the demo model (run `make demo` first): http://127.0.0.1:8080/
serve: build
	@test -f models/demo.zip || { echo "no models/demo.zip: run make demo first"; exit 1; }
	$(PENA) serve --model models/demo.zip

bench: build
	bash bench/run.sh

# Corpora of 10 MB and 1 GB generated from the sample: prepare, memory, first step, tokens/s.
bench-scale: build
	bash bench/scale.sh

# The page's generate latency, idle and while a run from the Treinar tab trains.
bench-live: build
	bash bench/live.sh

clean:
	$(MVN) clean
