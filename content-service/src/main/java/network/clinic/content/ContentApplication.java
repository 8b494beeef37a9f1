package network.clinic.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ContentApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContentApplication.class, args);
  }
}
