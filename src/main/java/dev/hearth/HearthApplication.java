package dev.hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HearthApplication {

	public static void main(String[] args) {
		SpringApplication.run(HearthApplication.class, args);
	}

}
