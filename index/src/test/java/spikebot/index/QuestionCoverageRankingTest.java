package spikebot.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ways real notes were misranked (issue 13): short titles that share one word with the question beat the note
 * whose text covers the whole question, and words dropped as asking words that were the topic.
 */
class QuestionCoverageRankingTest {
    @TempDir
    Path root;

    private List<String> ask(String question) throws IOException {
        try (NoteIndex index = NoteIndex.open(new KnowledgeBase(root))) {
            index.sync();
            return index.search(SearchRequest.of(question).withLimit(5)).stream().map(Hit::path).toList();
        }
    }

    @Test
    void aNoteCoveringTheWholeQuestionBeatsTitlesSharingOneWord() throws IOException {
        TestNotes notes = new TestNotes(root);
        // A TIL folder on Go: titles that name Go, bodies about Go.
        notes.write("go/learn_go.md", "# Learn Go\n\nGo is a small language; start with the tour of Go.\n");
        notes.write("go/use_go.md", "# Use Go\n\nInstall Go with your package manager and check go version.\n");
        notes.write("go/resources.md", "# Go Resources\n\nBooks and talks about Go and its standard library.\n");
        notes.write("github/binaries.md", """
                # Build Precompiled Binaries For Your Executables
                
                A release workflow that cross-compiles the Go executable for each platform: goos linux, darwin
                and windows, with goarch amd64 and arm64, and attaches the archives to the release.
                """);
        assertEquals("github/binaries.md", ask("go linux").get(0));
    }

    @Test
    void aWordNamedOnlyFarDownANotesCodeStillFindsIt() throws IOException {
        TestNotes notes = new TestNotes(root);
        notes.write("go/learn_go.md", "# Learn Go\n\nGo is a small language; start with the tour of Go.\n");
        // As in the real TIL on Go binaries: the platforms are named only past the code lines a snippet shows.
        notes.write("github/binaries.md", """
                # Build Precompiled Binaries For Your Go Executables

                A release workflow builds the executables on every tag. Its settings:

                ```yaml
                builds:
                  - env:
                      - CGO_ENABLED=0
                    flags:
                      - -trimpath
                    ldflags:
                      - -s -w
                    goos:
                      - linux
                      - darwin
                ```
                """);
        assertEquals(List.of("github/binaries.md"), ask("darwin"));
    }

    @Test
    void aWordThatUsuallyAsksIsStillFoundWhenItIsTheTopic() throws IOException {
        TestNotes notes = new TestNotes(root);
        notes.write("pagesapp/delete_a_page.md", "# How to Delete a Page\n\nIn Pages 5, show thumbnails first.\n");
        notes.write("git/delete_branch.md", "# Delete local and remote branch\n\ngit push origin --delete NAME\n");
        notes.write("git/delete_tags.md", "# Delete local and remote tags\n\ngit push origin :refs/tags/NAME\n");
        assertEquals("pagesapp/delete_a_page.md", ask("delete a page in pages").get(0));
    }

    @Test
    void aWordThatUsuallyAsksDoesNotOutweighTheTopic() throws IOException {
        TestNotes notes = new TestNotes(root);
        notes.write("make/learn_makefiles.md", "# Learn Makefiles\n\nmake reads a Makefile; make all builds.\n");
        notes.write("xml/prettify.md", "# Prettify XML on the CLI\n\nxmllint --format file.xml makes XML readable.\n");
        assertEquals("xml/prettify.md", ask("how do I make an xml file readable").get(0));
    }
}
