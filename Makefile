# Pena — build, test, demo and benchmark. Maven fetches everything the project needs;
# .mvn/maven.config limits DL4J's native downloads to linux-x86_64.
MVN ?= mvn -B
JAVA ?= java
PENA = $(JAVA) -jar target/pena.jar
SOURCES := $(shell find src/main -type f) pom.xml corpora/catalog.tsv

.PHONY: build test demo bench serve clean

build: target/pena.jar

target/pena.jar: $(SOURCES)
	$(MVN) -DskipTests package

test:
	$(MVN) test

# About 3 minutes of training on the bundled sample, printing samples as it learns.
demo: build
	$(PENA) train --corpus corpora/amostra --cell lstm --layers 2 --hidden 256 --minutes 3 --out models/demo --force
	$(PENA) sample --model models/demo.zip --length 500 --seed 7

bench: build
	bash bench/run.sh

clean:
	$(MVN) clean
