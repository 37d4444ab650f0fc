package io.github.mbaseresnet.data.mmi;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetFolders;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ExcludingReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Frame;
import io.github.mbaseresnet.data.FrameSelection;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads MMI as downloaded (DATASETS.md §3): {@code Sessions/<id>/} holding {@code session.xml} (a {@code track}
 * element whose {@code view} attribute gives the camera view), the metadata {@code S001-002.xml} with
 * {@code <Metatag Name="Emotion" Value="<int>"/>}, {@code S001-002-oao_aucs.xml} with the onset/apex/offset markers
 * ({@code <ActionUnit><Marker Frame=".." Type="2"/>}, type 2 = apex, as public parsers read it), and the video
 * {@code S001-002.avi} or still images. {@code Sessions/} may lie one level below the given folder (the download's
 * {@code mmi-facial-expression-database_download_<date>/}).
 *
 * <p>Protocol: sessions whose view is in {@link Options#views()} (view 0 or "frontal" by default: public scripts keep
 * 0 and crop 2, a side-by-side view) with an Emotion code of {@link Options#emotions()} (1 anger ... 6 surprise
 * [M]: verify). A session of one still image gives that image. A session of several stills (frames extracted from
 * the video, numbered from 1 as the markers are) gives {@link Options#frames()} frames around the apex (the median of
 * the action units' apex markers). Reading the AVI itself needs FFmpeg, which this build leaves out (the
 * {@code org.bytedeco} stack is excluded in pom.xml): a usable session that has only video is an error saying so.
 * Profile views, sessions without an Emotion metatag or with an unmapped code, and multi-frame sessions without an
 * apex are counted exclusions.
 */
public final class MmiReader implements ExcludingReader {

    static final String SESSIONS = "Sessions";
    private static final Pattern NAME = Pattern.compile("(S\\d{3})-(\\d{3})");
    private static final Pattern FRAME_NUMBER = Pattern.compile("(\\d+)\\D*$");
    private static final String APEX = "2";

    private final Options options;

    /**
     * Which sessions are read and which frames they give.
     *
     * @param emotions Emotion metatag value → expression ({@code fer.mmi.emotions}, 1=anger,2=disgust,3=fear,
     *                 4=happiness,5=sadness,6=surprise)
     * @param views    {@code view} attribute values kept ({@code fer.mmi.views}, 0,frontal)
     * @param frames   frames around the apex of a multi-frame session ({@code fer.mmi.frames}, 3)
     */
    public record Options(Map<Integer, Expression> emotions, Set<String> views, int frames) {
        public static final Options DEFAULT = new Options(Map.of(1, Expression.ANGER, 2, Expression.DISGUST,
                3, Expression.FEAR, 4, Expression.HAPPINESS, 5, Expression.SADNESS, 6, Expression.SURPRISE),
                Set.of("0", "frontal"), 3);

        public Options {
            emotions = Collections.unmodifiableMap(new TreeMap<>(emotions));
            views = Collections.unmodifiableSortedSet(new TreeSet<>(views)); // sorted: the same text in every JVM
            if (emotions.isEmpty() || views.isEmpty() || frames < 1) {
                throw new IllegalArgumentException("MMI options need a code, a view and a frame: fer.mmi.emotions="
                        + emotions + ", fer.mmi.views=" + views + ", fer.mmi.frames=" + frames);
            }
        }
    }

    public MmiReader(Options options) {
        this.options = options;
    }


    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, DatasetId.MMI);
        Path sessions = sessions(root);
        ReadResult.Builder out = new ReadResult.Builder();
        List<Path> videoOnly = new ArrayList<>();
        DocumentBuilder xml = parser();
        for (Path session : DatasetFolders.folders(sessions)) {
            readSession(session, xml, out, videoOnly);
        }
        if (!videoOnly.isEmpty()) {
            throw new DatasetException(videoOnly.get(0), videoOnly.size() + " frontal, labelled session(s) hold only "
                    + "video; reading AVI frames needs FFmpeg, which this build leaves out (the org.bytedeco stack is "
                    + "excluded in pom.xml). Extract each video's frames next to it (e.g. ffmpeg -i S001-002.avi "
                    + "S001-002-%04d.png): the reader then takes fer.mmi.frames frames around the apex");
        }
        if (!out.hasSamples()) {
            throw new DatasetException(sessions, "no frontal session with one of the Emotion codes "
                    + options.emotions().keySet() + " was found");
        }
        return out.build();
    }

    private void readSession(Path session, DocumentBuilder xml, ReadResult.Builder out, List<Path> videoOnly) {
        Path sessionXml = session.resolve("session.xml");
        if (!Files.isRegularFile(sessionXml)) {
            throw new DatasetException(sessionXml, "session file is missing; every MMI session has one "
                    + "(re-download the session)");
        }
        String view = attribute(parse(xml, sessionXml), "track", "view").orElseThrow(() ->
                new DatasetException(sessionXml, "has no <track view=\"...\"> element, so the camera view is unknown"));
        if (!options.views().contains(view)) {
            out.exclude(session, "view " + view + " is not in fer.mmi.views=" + String.join(",",
                    new TreeSet<>(options.views())));
            return;
        }
        Path metadata = metadata(session);
        String media = DatasetFolders.baseName(metadata);
        Matcher name = NAME.matcher(media);
        if (!name.matches()) {
            throw new DatasetException(metadata, "metadata file is not named like S001-002.xml, so the subject is "
                    + "unknown");
        }
        Optional<Expression> label = emotion(parse(xml, metadata), metadata, session, out);
        if (label.isEmpty()) {
            return;
        }
        List<Path> stills = DatasetFolders.images(session);
        if (stills.isEmpty()) {
            Path video = session.resolve(media + ".avi");
            if (!Files.isRegularFile(video)) {
                throw new DatasetException(session, "session holds neither still images nor the video "
                        + media + ".avi");
            }
            videoOnly.add(video);
            return;
        }
        String subject = name.group(1);
        if (stills.size() == 1) {
            out.add(new Sample(stills.get(0), subject, label.get(), media, 0));
            return;
        }
        Path markers = session.resolve(media + "-oao_aucs.xml");
        Optional<Integer> apex = Files.isRegularFile(markers) ? apex(parse(xml, markers)) : Optional.empty();
        if (apex.isEmpty()) {
            out.exclude(session, "multi-frame session without an apex marker in its -oao_aucs.xml");
            return;
        }
        out.addAll(new FrameSelection(options.frames(), false, "fer.mmi.frames")
                .aroundApex(frames(stills), apex.get(), session, subject, media, label.get()));
    }

    private Optional<Expression> emotion(Document doc, Path metadata, Path session, ReadResult.Builder out) {
        NodeList tags = doc.getElementsByTagName("Metatag");
        for (int i = 0; i < tags.getLength(); i++) {
            Element tag = (Element) tags.item(i);
            if ("Emotion".equals(tag.getAttribute("Name"))) {
                String value = tag.getAttribute("Value").trim();
                int code;
                try {
                    code = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new DatasetException(metadata, "unknown Emotion code '" + value + "' (expected a whole "
                            + "number such as 1 for anger)", e);
                }
                Expression e = options.emotions().get(code);
                if (e == null) {
                    out.exclude(session, "Emotion code " + code + " is not in fer.mmi.emotions");
                }
                return Optional.ofNullable(e);
            }
        }
        out.exclude(session, "session has no Emotion metatag (action units only)");
        return Optional.empty();
    }

    /** The median of the action units' apex markers, the middle of the expression (DATASETS.md §3). */
    private static Optional<Integer> apex(Document doc) {
        NodeList markers = doc.getElementsByTagName("Marker");
        List<Integer> apexes = new ArrayList<>();
        for (int i = 0; i < markers.getLength(); i++) {
            Element m = (Element) markers.item(i);
            if (APEX.equals(m.getAttribute("Type").trim())) {
                try {
                    apexes.add(Integer.parseInt(m.getAttribute("Frame").trim()));
                } catch (NumberFormatException e) {
                    // a marker without a frame number says nothing about the apex
                }
            }
        }
        Collections.sort(apexes);
        return apexes.isEmpty() ? Optional.empty() : Optional.of(apexes.get((apexes.size() - 1) / 2));
    }

    private static List<Frame> frames(List<Path> stills) {
        List<Frame> frames = new ArrayList<>();
        for (Path still : stills) {
            Matcher m = FRAME_NUMBER.matcher(DatasetFolders.baseName(still));
            if (!m.find()) {
                throw new DatasetException(still, "still image has no frame number at the end of its name (e.g. "
                        + "S001-002-0001.png)");
            }
            frames.add(new Frame(still, Integer.parseInt(m.group(1))));
        }
        return frames;
    }

    /** The one {@code *.xml} that is neither {@code session.xml} nor the action-unit markers. */
    private static Path metadata(Path session) {
        List<Path> candidates = DatasetFolders.list(session).stream().filter(Files::isRegularFile)
                .filter(p -> DatasetFolders.extension(DatasetFolders.name(p)).equals("xml"))
                .filter(p -> !DatasetFolders.name(p).equals("session.xml"))
                .filter(p -> !DatasetFolders.name(p).endsWith("-oao_aucs.xml")).toList();
        if (candidates.size() != 1) {
            throw new DatasetException(session, (candidates.isEmpty() ? "no metadata file" : "several metadata files "
                    + candidates) + "; an MMI session holds one <name>.xml with the Emotion metatag besides "
                    + "session.xml");
        }
        return candidates.get(0);
    }

    private static Path sessions(Path root) {
        if (DatasetFolders.name(root).equals(SESSIONS)) {
            return root;
        }
        return DatasetFolders.find(root, p -> DatasetFolders.name(p).equals(SESSIONS), 1, SESSIONS + "/")
                .orElseThrow(() -> new DatasetException(root, Files.isRegularFile(root.resolve("session.xml"))
                        ? "this is one MMI session: point at the folder that contains Sessions/"
                        : "no Sessions/ folder was found in it or one level below. " + DatasetId.MMI.obtainHint()));
    }

    private static Optional<String> attribute(Document doc, String element, String attribute) {
        NodeList nodes = doc.getElementsByTagName(element);
        for (int i = 0; i < nodes.getLength(); i++) {
            String value = ((Element) nodes.item(i)).getAttribute(attribute).trim();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Document parse(DocumentBuilder xml, Path file) {
        try {
            return xml.parse(file.toFile());
        } catch (SAXException e) {
            throw new DatasetException(file, "is not well-formed XML (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** No DTDs or external entities: the files come from a download. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors without printing them
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }
}
