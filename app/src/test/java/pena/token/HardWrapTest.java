package pena.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HardWrapTest {
    // written for this test, wrapped near 60 characters as old e-texts are
    private static final String WRAPPED = String.join("\n",
            "CAPÍTULO I",
            "Naquela manhã a rua amanheceu molhada, e o velho relojoeiro",
            "abriu a loja mais cedo do que de costume, porque esperava uma",
            "visita que não vinha havia muitos anos e que ele já julgava",
            "perdida para sempre.",
            "— Bom dia, mestre Anselmo — disse a moça à porta, sacudindo o",
            "guarda-chuva antes de entrar.",
            "Ele não respondeu logo; limpou os óculos com a ponta do lenço,",
            "olhou-a de cima a baixo e só então sorriu, devagar, como quem",
            "reconhece uma música antiga tocada em outro instrumento.",
            "",
            "Fim.");

    @Test
    void joinsTheLinesOfAParagraphAndKeepsParagraphBreaks() {
        String unwrapped = HardWrap.unwrap(WRAPPED);
        assertEquals(WRAPPED.length(), unwrapped.length(), "same characters, breaks become spaces");
        assertEquals(String.join("\n",
                "CAPÍTULO I",
                "Naquela manhã a rua amanheceu molhada, e o velho relojoeiro abriu a loja mais cedo do que de costume, "
                        + "porque esperava uma visita que não vinha havia muitos anos e que ele já julgava perdida para sempre.",
                "— Bom dia, mestre Anselmo — disse a moça à porta, sacudindo o guarda-chuva antes de entrar.",
                "Ele não respondeu logo; limpou os óculos com a ponta do lenço, olhou-a de cima a baixo e só então "
                        + "sorriu, devagar, como quem reconhece uma música antiga tocada em outro instrumento.",
                "",
                "Fim."), unwrapped);
    }

    @Test
    void leavesTextWithOneParagraphPerLineAlone() {
        String text = "Uma linha longa que é um parágrafo inteiro, sem quebras no meio.\nOutra.\n\nMais uma.";
        assertEquals(text, HardWrap.unwrap(text));
    }
}
